import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { CartView } from '~/components/cart/cart-view';
import { CheckoutReturn } from '~/components/cart/checkout-return';
import { formattedMoneyIn } from '~/lib/format';
import { getApi } from '~/server/pages/api';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

/**
 * The cart, with today's prices and stock, read on every visit. Back from the
 * payment page's cancel link (`?checkout=cancelled&order=…`), it says so; the
 * checkout is closed and its stock released by a POST (`CheckoutReturn`),
 * never by this render: a GET changes nothing.
 */
export default async function CartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const api = await getApi();
  const { checkout, order } = await searchParams;
  const back = checkout === 'cancelled';
  const cart = await api.cart.get();
  const [codes, taxNote] = await Promise.all([
    cart.needsShipping && cart.subtotal
      ? api.checkout.shippingCountries({ currency: cart.subtotal.currency })
      : ([] as string[]),
    api.checkout.taxNote(),
  ]);
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const countries = codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Where the request comes from (Cloudflare says), when the shop posts there.
  const visitor = (await headers()).get('cf-ipcountry')?.toUpperCase() ?? null;
  const preferred = codes.find((code) => code === visitor) ?? (codes.includes('US') ? 'US' : null);
  return (
    <div className="cart-page">
      <h1>Your cart</h1>
      <CartView
        serverCart={cart}
        formatted={formattedMoneyIn(cart)}
        shipping={{ countries, preferred }}
        taxNote={taxNote}
        notice={
          back && typeof order === 'string' ? (
            <CheckoutReturn orderId={order} />
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
