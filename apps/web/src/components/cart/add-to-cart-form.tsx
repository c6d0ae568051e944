'use client';

import { type ReactNode, useActionState } from 'react';
import type { addToCartAction } from '~/app/cart/actions';
import Link from '~/components/link';

/**
 * "Add to cart" for a variant in stock: a Server Action form, so it works
 * without JavaScript, that says how it went next to the button. The product
 * page's own JavaScript, kept small: add-to-cart.tsx renders the fields and
 * the sold-out case on the server and passes the action as a prop, so this
 * chunk holds only what changes (the button, the messages, the quantity's
 * `aria-invalid`) and no Server Action client of its own.
 */
export function AddToCartForm({
  addToCart,
  children,
}: {
  addToCart: typeof addToCartAction;
  /** The form's fields, rendered on the server; the quantity's id is `quantity`. */
  children: ReactNode;
}) {
  const [state, action, pending] = useActionState(addToCart, { status: 'idle' });
  const error = state.status === 'error' ? state.message : undefined;
  return (
    <form
      action={action}
      className="add-to-cart"
      noValidate
      // The quantity (server-rendered) is marked invalid while its error shows.
      ref={(form) => {
        if (form) form.quantity.ariaInvalid = error ? 'true' : null;
      }}
    >
      {children}
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
