'use client';

import { deleteAccountAction } from '~/app/(account)/actions';
import { ActionForm } from './action-form.tsx';

export function DeleteAccountForm() {
  return (
    <ActionForm
      action={deleteAccountAction}
      fields={[
        {
          name: 'password',
          label: 'Password',
          type: 'password',
          autoComplete: 'current-password',
          hint: 'Your account, its sessions and the emails queued to you are erased. This cannot be undone.',
        },
      ]}
      submit="Delete my account"
      pendingLabel="Deleting…"
      danger
    />
  );
}
