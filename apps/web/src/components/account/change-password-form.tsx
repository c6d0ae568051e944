'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  return (
    <form action={action} className="account-form" noValidate>
      {state.status === 'done' ? <p role="status">{state.message}</p> : null}
      <FormMessage state={state} fields={['currentPassword', 'newPassword']} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        state={state}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        state={state}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}
