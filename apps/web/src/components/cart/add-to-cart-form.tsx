'use client';

import { useActionState } from 'react';
import { addToCartAction } from '~/app/cart/actions';
import Link from '~/components/link';
import { idle } from '~/lib/form-state';

/**
 * "Add to cart" for the chosen variant: a Server Action form, so it works
 * without JavaScript. Out of stock, the button is disabled and says why.
 */
export function AddToCartForm({
  variantId,
  soldOut,
  remaining,
}: {
  variantId: string;
  soldOut: boolean;
  /** How many are left when few are; the server checks the stock either way. */
  remaining: number | null;
}) {
  const [state, action, pending] = useActionState(addToCartAction, idle);
  const error = state.status === 'error' ? state.message : undefined;
  if (soldOut) {
    return (
      <div className="add-to-cart">
        <button type="button" className="button" disabled aria-describedby="add-to-cart-reason">
          Add to cart
        </button>
        <p id="add-to-cart-reason" className="add-to-cart__reason">
          Sold out in this option: choose another, or check back later.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="add-to-cart" noValidate>
      <input type="hidden" name="variantId" value={variantId} />
      <div className="field field--inline">
        <label htmlFor="quantity">Quantity</label>
        <input
          id="quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.min(remaining ?? 99, 99)}
          defaultValue={1}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'quantity-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Adding…' : 'Add to cart'}
      </button>
      {error ? (
        <p id="quantity-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <p role="status" className="add-to-cart__done">
          {state.message} <Link href="/cart">View cart</Link>
        </p>
      ) : null}
    </form>
  );
}
