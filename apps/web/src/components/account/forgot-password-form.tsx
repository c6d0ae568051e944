'use client';

import { useActionState } from 'react';
import { forgotPasswordAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, idle);
  if (state.status === 'done') {
    return (
      <div role="status" className="account-done">
        <h2>Check your email</h2>
        <p>
          If <strong>{state.email}</strong> has an account, a link to choose a new password is on
          its way. It works once, within an hour.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} fields={['email']} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        state={state}
        defaultValue={state.email}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}
