'use client';

import { type ReactNode, useState } from 'react';
import { EmptyState } from '~/components/empty-state';
import { type FormattedMoney, moneyFormatter } from '~/lib/format';
import { variantHref } from '~/lib/variant-selection';
import { CartLine } from './cart-line';
import { CheckoutForm, type ShipToCountry } from './checkout-form';
import { DiscountForm } from './discount-form';
import { type Cart, useCart } from './use-cart';

type Problem = { on: 'quantity' | 'remove'; message: string };

type MutationError = {
  message: string;
  data?: { httpStatus?: number; problem?: { message: string } | null } | null;
};

/** The server's words for a refusal (4xx); for anything else, what a shopper can do. */
function problemMessage(thrown: unknown) {
  // A TRPCClientError carries the answer's status and problem; a chunk that did not load, neither.
  const error: Partial<MutationError> = typeof thrown === 'object' && thrown !== null ? thrown : {};
  const status = error.data?.httpStatus;
  if (status !== undefined && status < 500) {
    return error.data?.problem?.message ?? error.message ?? 'That was refused.';
  }
  return status === undefined
    ? 'The shop could not be reached, so your cart is as it was: check your connection and try again.'
    : 'That did not go through, so your cart is as it was: try again in a moment.';
}

/** The cart page's body: lines, summary and checkout, or the empty state; changes show at once. */
export function CartView({
  serverCart,
  formatted,
  notice,
  shipping,
  taxNote,
}: {
  serverCart: Cart;
  /** The server cart's amounts, formatted (`formattedMoneyIn`): hydrating formats none here. */
  formatted: FormattedMoney;
  notice: ReactNode;
  /** The countries the shop posts to in the cart's currency, and the one to offer first. */
  shipping: { countries: ShipToCountry[]; preferred: string | null };
  /** What prices say about tax ("incl. tax", "+ tax at checkout"); null with tax off. */
  taxNote: string | null;
}) {
  // Checkout waits for the changes in flight: it must buy what the page shows.
  const { cart, changing, ...changes } = useCart(serverCart);
  const formatMoney = moneyFormatter(formatted);
  const [problems, setProblems] = useState<Record<string, Problem | undefined>>({});
  const [pending, setPending] = useState<Record<string, boolean | undefined>>({});
  const track = (variantId: string, on: Problem['on']) => {
    setPending((p) => ({ ...p, [variantId]: true }));
    setProblems((p) => ({ ...p, [variantId]: undefined }));
    return {
      onError: (error: unknown) =>
        setProblems((p) => ({
          ...p,
          [variantId]: { on, message: problemMessage(error) },
        })),
      onSettled: () => setPending((p) => ({ ...p, [variantId]: false })),
    };
  };
  const lineChanges = (variantId: string) => ({
    setQuantity: (quantity: number) =>
      changes.setQuantity(variantId, quantity, track(variantId, 'quantity')),
    remove: () => changes.remove(variantId, track(variantId, 'remove')),
    pending: pending[variantId] === true,
    problem: problems[variantId] ?? null,
  });

  if (cart.lines.length === 0) {
    return (
      <>
        {notice}
        <EmptyState title="Your cart is empty">
          <p>Find something you like and choose "Add to cart" on its page.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {notice}
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <CartLine
            key={line.variantId}
            line={line}
            href={variantHref(line.productSlug, { options: line.options })}
            changes={lineChanges(line.variantId)}
            formatMoney={formatMoney}
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
        {cart.discount?.lines.map((line) => (
          <p key={line.label} className="cart-summary__discount">
            Discount ({line.label}
            {line.freeShipping ? ', free shipping' : ''}){' '}
            <strong>−{formatMoney(line.amount)}</strong>
          </p>
        ))}
        {cart.discount?.codeProblem ? (
          <p className="cart-summary__problem" role="status">
            {cart.discount.codeProblem}
          </p>
        ) : null}
        {cart.total && cart.discount && cart.discount.amount.amount > 0 ? (
          <p className="cart-summary__subtotal">
            Total before shipping <strong>{formatMoney(cart.total)}</strong>
          </p>
        ) : null}
        <DiscountForm code={cart.discount?.code ?? null} />
        {cart.subtotal && taxNote ? <p className="cart-summary__note">Prices {taxNote}.</p> : null}
        {cart.needsShipping ? (
          <p className="cart-summary__note">
            Choose where it goes; the shipping options for that country are on the payment page.
          </p>
        ) : null}
        {cart.checkoutProblem ? (
          <p className="cart-summary__problem" role="status">
            {cart.checkoutProblem}
          </p>
        ) : cart.needsShipping && shipping.countries.length === 0 ? (
          <p className="cart-summary__problem" role="status">
            This shop does not post orders in this currency anywhere yet.
          </p>
        ) : (
          <CheckoutForm
            busy={changing}
            shipTo={cart.needsShipping ? shipping : null}
            askEmail={cart.discount?.needsEmail ?? false}
          />
        )}
      </section>
    </>
  );
}
