'use client';

import { logInAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

export function LogInForm() {
  return (
    <ActionForm
      action={logInAction}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email', keepEmail: true },
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      submit="Log in"
      pendingLabel="Logging in…"
    />
  );
}
