'use client';

import { useActionState } from 'react';
import { refundAction } from '~/app/admin/actions';
import { idle } from '~/lib/form-state';
import { FieldError, FormNotice, invalidProps } from './field-error.tsx';

/**
 * A full or partial refund, in minor units, optionally putting the items back
 * in stock. `requestKey` is made anew each time the page renders: sending this
 * form twice refunds once, a second refund is made from a fresh form.
 */
export function RefundForm({
  orderId,
  left,
  currency,
  requestKey,
}: {
  orderId: string;
  left: number;
  currency: string;
  requestKey: string;
}) {
  const [state, action, pending] = useActionState(refundAction, idle);
  return (
    <form action={action} className="admin-form" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormNotice state={state} fields={['amount']} />
      <div className="field">
        <label htmlFor="refund-amount">
          Amount in minor units ({currency}), at most {left}
        </label>
        <input
          id="refund-amount"
          name="amount"
          inputMode="numeric"
          defaultValue={left}
          required
          {...invalidProps(state, 'amount')}
        />
        <FieldError state={state} name="amount" />
      </div>
      <label className="field--check">
        <input type="checkbox" name="restock" /> Put the items back in stock
      </label>
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Refunding…' : 'Refund'}
      </button>
    </form>
  );
}
