'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import { type CheckoutReturnState, cancelReturnedCheckoutAction } from '~/app/cart/actions';

const idle: CheckoutReturnState = { outcome: 'idle' };

/**
 * The cart's notice for a shopper back from the payment page without paying.
 * Rendering it changes nothing: the checkout is closed, and its stock
 * released, by a POST, which the page sends as soon as it loads with
 * JavaScript, and the button sends without.
 */
export function CheckoutReturn({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState(cancelReturnedCheckoutAction, idle);
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  useEffect(() => {
    const element = form.current;
    if (sent.current || !element) return;
    sent.current = true;
    startTransition(() => action(new FormData(element)));
  }, [action]);

  if (state.outcome === 'completed') {
    return (
      <p role="status" className="cart-notice">
        Your payment went through after all: your order will be confirmed by email in a moment.
      </p>
    );
  }
  const open = state.outcome === 'idle' || state.outcome === 'failed';
  return (
    <div className="cart-notice">
      <p role="status">
        Payment cancelled: nothing was charged, and your cart is as you left it.
        {state.outcome === 'cancelled' ? ' The items it held are back in the shop.' : null}
      </p>
      {open ? (
        <form ref={form} action={action}>
          <input type="hidden" name="orderId" value={orderId} />
          {state.outcome === 'failed' ? (
            <p role="alert">
              The items it held could not be released just now: they go back when the payment page
              expires, or try again.
            </p>
          ) : null}
          <button type="submit" className="button button--secondary" disabled={pending}>
            {pending ? 'Releasing the items…' : 'Release the items it held'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
