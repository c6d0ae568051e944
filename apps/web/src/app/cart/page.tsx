import type { Metadata } from 'next';
import { CartView } from '~/components/cart/cart-view';
import { getApi } from '~/server/api';
import { logError } from '~/server/log-error';
import { isNotFound } from '~/server/trpc-errors';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

/** The cart, with today's prices and stock, read on every visit. */
export default async function CartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const api = await getApi();
  const { checkout, order } = await searchParams;
  const back = checkout === 'cancelled';
  let outcome: 'cancelled' | 'completed' | 'none' = 'none';
  // Back from the payment page's cancel link, a navigation from the provider's site: that
  // checkout closes and its stock returns now. What allows it is the order's unguessable id in
  // the link together with this browser's cart; without them nothing changes.
  if (back && typeof order === 'string') {
    try {
      ({ outcome } = await api.checkout.cancel({ orderId: order }));
    } catch (error) {
      // The page still shows the cart: its stock returns when the payment page expires.
      if (!isNotFound(error)) logError({ level: 'warn', msg: 'could not close a checkout' }, error);
    }
  }
  const cart = await api.cart.get();
  return (
    <div className="cart-page">
      <h1>Your cart</h1>
      <CartView
        serverCart={cart}
        notice={
          outcome === 'completed' ? (
            <p role="status" className="cart-notice">
              Your payment went through after all: your order will be confirmed by email in a
              moment.
            </p>
          ) : back ? (
            <p role="status" className="cart-notice">
              Payment cancelled: nothing was charged, and your cart is as you left it.
            </p>
          ) : null
        }
      />
    </div>
  );
}
