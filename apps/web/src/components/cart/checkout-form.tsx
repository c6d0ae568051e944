'use client';

import { useActionState } from 'react';
import { checkoutAction } from '~/app/cart/actions';
import { idle } from '~/lib/form-state';

/** "Checkout": places the order and goes to the payment page; a refusal shows here. */
export function CheckoutForm({ busy = false }: { busy?: boolean }) {
  const [state, action, pending] = useActionState(checkoutAction, idle);
  return (
    <form action={action} className="checkout-form">
      {state.status === 'error' ? (
        <p role="alert" className="field__error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending || busy}>
        {pending ? 'Opening the payment page…' : 'Checkout'}
      </button>
    </form>
  );
}
