import type { Metadata } from 'next';
import { CartView } from '~/components/cart/cart-view';
import { getApi } from '~/server/api';
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
  const cancelled = checkout === 'cancelled';
  // Back from the payment page's cancel link: that checkout closes and its stock returns now.
  if (cancelled && typeof order === 'string') {
    await api.checkout.cancel({ orderId: order }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
  const cart = await api.cart.get();
  return (
    <div className="cart-page">
      <h1>Your cart</h1>
      <CartView
        serverCart={cart}
        notice={
          cancelled ? (
            <p role="status" className="cart-notice">
              Payment cancelled: nothing was charged, and your cart is as you left it.
            </p>
          ) : null
        }
      />
    </div>
  );
}
