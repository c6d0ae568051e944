'use client';

import { type ReactNode, useActionState } from 'react';
import { type FormState, idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  hint?: string;
  /** Fill it again with the email the answer carries (never for passwords). */
  keepEmail?: boolean;
}

/**
 * An account form posting to a Server Action: works without JavaScript (a
 * plain POST) and with it; the answer's message shows under its field, or
 * above the form, and `done` replaces the form once the action succeeded.
 */
export function ActionForm({
  action,
  fields,
  hidden = {},
  submit,
  pendingLabel,
  danger = false,
  done,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  pendingLabel: string;
  danger?: boolean;
  done?: (state: FormState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.status === 'done' && done) return done(state);
  return (
    <form action={formAction} className="account-form" noValidate>
      {state.status === 'done' && state.message ? <p role="status">{state.message}</p> : null}
      <FormMessage state={state} fields={fields.map((f) => f.name)} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map(({ keepEmail, ...field }) => (
        <Field
          key={field.name}
          {...field}
          state={state}
          defaultValue={keepEmail ? state.email : undefined}
        />
      ))}
      <button
        type="submit"
        className={danger ? 'button button--danger' : 'button'}
        disabled={pending}
      >
        {pending ? pendingLabel : submit}
      </button>
    </form>
  );
}
