'use client';

import { useActionState } from 'react';
import { confirmSignUpAction, resetPasswordAction } from '~/app/(account)/actions';
import { idle } from '~/lib/form-state';
import { Field, FormMessage } from './field.tsx';

/** One click to create the account: opening the link alone changes nothing (mail scanners open links). */
export function ConfirmSignUpForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(confirmSignUpAction, idle);
  return (
    <form action={action} className="account-form">
      <FormMessage state={state} fields={[]} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating…' : 'Create my account'}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} fields={['password']} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        state={state}
        hint="Your new password: at least 8 characters. Every session ends."
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Set the new password'}
      </button>
    </form>
  );
}
