'use client';

import { forgotPasswordAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={forgotPasswordAction}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email', keepEmail: true },
      ]}
      submit="Send me a link"
      pendingLabel="Sending…"
      done={(state) => (
        <div role="status" className="account-done">
          <h2>Check your email</h2>
          <p>
            If <strong>{state.email}</strong> has an account, a link to choose a new password is on
            its way. It works once, within an hour.
          </p>
        </div>
      )}
    />
  );
}
