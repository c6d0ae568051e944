import type { Metadata } from 'next';
import { CartLine } from '~/components/cart/cart-line';
import { CheckoutForm } from '~/components/cart/checkout-form';
import { EmptyState } from '~/components/empty-state';
import { formatMoney } from '~/lib/format';
import { variantHref } from '~/lib/variant-selection';
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
  const notice = cancelled ? (
    <p role="status" className="cart-notice">
      Payment cancelled: nothing was charged, and your cart is as you left it.
    </p>
  ) : null;
  if (cart.lines.length === 0) {
    return (
      <div className="cart-page">
        <h1>Your cart</h1>
        {notice}
        <EmptyState title="Your cart is empty">
          <p>Find something you like and choose "Add to cart" on its page.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="cart-page">
      <h1>Your cart</h1>
      {notice}
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <CartLine
            key={line.variantId}
            line={line}
            href={variantHref(line.productSlug, { options: line.options })}
          />
        ))}
      </ul>
      <section className="cart-summary" aria-labelledby="cart-summary-title">
        <h2 id="cart-summary-title">Summary</h2>
        <p>
          {cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}
        </p>
        {cart.subtotal ? (
          <p className="cart-summary__subtotal">
            Subtotal <strong>{formatMoney(cart.subtotal)}</strong>
          </p>
        ) : null}
        <p className="cart-summary__note">Shipping and taxes are worked out at checkout.</p>
        {cart.checkoutProblem ? (
          <p className="cart-summary__problem" role="status">
            {cart.checkoutProblem}
          </p>
        ) : (
          <CheckoutForm />
        )}
      </section>
    </div>
  );
}
