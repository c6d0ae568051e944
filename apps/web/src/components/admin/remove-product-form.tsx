'use client';

import { useActionState } from 'react';
import { removeProductAction } from '~/app/admin/actions';
import { idle } from '~/lib/form-state';
import { FormNotice } from './field-error.tsx';

export function RemoveProductForm({ id, hasOrders }: { id: string; hasOrders: boolean }) {
  const [state, action, pending] = useActionState(removeProductAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <p>
        {hasOrders
          ? 'It has been ordered, so it is archived rather than deleted: hidden from the shop, kept for its orders.'
          : 'It has never been ordered: it is deleted with its variants.'}
      </p>
      <FormNotice state={state} fields={[]} />
      <button type="submit" className="button button--danger" disabled={pending}>
        {hasOrders ? 'Archive this product' : 'Delete this product'}
      </button>
    </form>
  );
}
