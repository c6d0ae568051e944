'use client';

import { confirmSignUpAction, resetPasswordAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

/** One click to create the account: opening the link alone changes nothing (mail scanners open links). */
export function ConfirmSignUpForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={confirmSignUpAction}
      fields={[]}
      hidden={{ token }}
      submit="Create my account"
      pendingLabel="Creating…"
    />
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      fields={[
        {
          name: 'password',
          label: 'Password',
          type: 'password',
          autoComplete: 'new-password',
          hint: 'Your new password: at least 8 characters. Every session ends.',
        },
      ]}
      hidden={{ token }}
      submit="Set the new password"
      pendingLabel="Saving…"
    />
  );
}
