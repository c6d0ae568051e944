'use client';

import { useActionState } from 'react';
import { adjustStockAction } from '~/app/admin/actions';
import { idle } from '~/lib/form-state';
import { FieldError, FormNotice, invalidProps } from './field-error.tsx';

/** One variant's stock: set to a count, or change by a number, with a reason. */
export function StockForm({
  productId,
  variant,
}: {
  productId: string;
  variant: { id: string; sku: string; stock: number };
}) {
  const [state, action, pending] = useActionState(adjustStockAction, idle);
  const id = (part: string) => `stock-${variant.id}-${part}`;
  return (
    <form action={action} className="admin-stock" aria-label={`Stock of ${variant.sku}`} noValidate>
      <input type="hidden" name="variantId" value={variant.id} />
      <input type="hidden" name="productId" value={productId} />
      <p className="admin-stock__now">
        <strong>{variant.sku}</strong>: {variant.stock} in stock
      </p>
      <div className="field">
        <label htmlFor={id('kind')}>Change</label>
        <select id={id('kind')} name="kind" defaultValue="adjust">
          <option value="adjust">Add (or remove, negative)</option>
          <option value="set">Set to</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('amount')}>Number</label>
        <input
          id={id('amount')}
          name="amount"
          inputMode="numeric"
          size={6}
          required
          {...invalidProps(state, 'delta')}
        />
        <FieldError state={state} name="delta" />
        <FieldError state={state} name="stock" />
      </div>
      <div className="field field--grow">
        <label htmlFor={id('reason')}>Reason</label>
        <input
          id={id('reason')}
          name="reason"
          required
          maxLength={200}
          {...invalidProps(state, 'reason')}
        />
        <FieldError state={state} name="reason" />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Apply'}
      </button>
      <FormNotice state={state} fields={['delta', 'stock', 'reason']} />
    </form>
  );
}
