'use client';

import { signUpAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

export function SignUpForm() {
  return (
    <ActionForm
      action={signUpAction}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email', keepEmail: true },
        {
          name: 'password',
          label: 'Password',
          type: 'password',
          autoComplete: 'new-password',
          hint: 'At least 8 characters; a few unrelated words work well.',
        },
      ]}
      submit="Sign up"
      pendingLabel="Signing up…"
      done={(state) => (
        <div role="status" className="account-done">
          <h2>Check your email</h2>
          <p>
            We sent a link to <strong>{state.email}</strong>. Open it within an hour to finish
            signing up. If the address already has an account, the email says so instead.
          </p>
        </div>
      )}
    />
  );
}
