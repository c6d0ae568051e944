'use client';

import { useActionState } from 'react';
import { deleteAccountAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, idle);
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} fields={['password']} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        state={state}
        hint="Your account, its sessions and the emails queued to you are erased. This cannot be undone."
      />
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
