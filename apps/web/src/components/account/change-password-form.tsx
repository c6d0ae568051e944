'use client';

import { changePasswordAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      fields={[
        {
          name: 'currentPassword',
          label: 'Current password',
          type: 'password',
          autoComplete: 'current-password',
        },
        {
          name: 'newPassword',
          label: 'New password',
          type: 'password',
          autoComplete: 'new-password',
        },
      ]}
      submit="Change password"
      pendingLabel="Saving…"
    />
  );
}
