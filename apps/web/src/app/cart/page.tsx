import type { Metadata } from 'next';
import { CartView } from '~/components/cart/cart-view';
import { getApi } from '~/server/api';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

/** The cart, with today's prices and stock, read on every visit. */
export default async function CartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cart = await (await getApi()).cart.get();
  const cancelled = (await searchParams).checkout === 'cancelled';
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
