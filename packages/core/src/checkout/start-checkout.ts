import { type Database, eq, orders } from '@edgecart/db';
import type { CheckoutSession, Payments } from '@edgecart/payments';
import type { CartOwner } from '../cart/owner.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { UnavailableError } from '../errors.ts';
import {
  attachCheckoutSession,
  cancelPendingOrder,
  pendingOrdersOfCart,
} from './order-lifecycle.ts';
import { placeOrder } from './place-order.ts';

/** Stripe Tax's code for shipping charges. */
export const SHIPPING_TAX_CODE = 'txcd_92010001';

/** Stripe keeps a payment page open 30 minutes at least: one more, for the time it takes to ask. */
export const PAYMENT_PAGE_MS = 31 * 60_000;

export interface StartCheckoutDeps {
  db: Database;
  /** The clock, read at each step: the provider's answer takes a while. */
  clock: () => Date;
  payments: Pick<Payments, 'createCheckout' | 'expireCheckout'>;
  /** The shop's origin, for the pages the provider sends the shopper back to. */
  origin: string;
  /** Told which variants' stock moved, for the catalog cache. */
  stockChanges?: StockChanges | undefined;
  /**
   * The client's address key (`clientAddressKey`), for the cap on the stock
   * one client holds in unpaid checkouts (`HELD_UNITS_MAX`).
   */
  clientKey: string;
}

/**
 * Turns the owner's cart into a pending order (stock reserved, server prices)
 * and opens a payment page for it. An earlier unpaid checkout of the same
 * cart is cancelled in the same transaction, so stock is held once, and its
 * page closed afterwards. If the payment provider fails, the order is
 * cancelled and its stock released, and the shopper is told nothing was
 * charged.
 */
export async function startCheckout(
  deps: StartCheckoutDeps,
  owner: CartOwner,
  contact: { email: string | null; shipTo?: string | null | undefined },
): Promise<{ url: string; orderId: string; orderNumber: number }> {
  const { db, payments } = deps;
  const { stockChanges, clientKey } = deps;
  const order = await placeOrder(
    { db, now: deps.clock(), stockChanges, clientKey },
    owner,
    contact,
  );
  for (const sessionId of order.replacedPages) {
    // Best effort: an earlier page left open expires by itself within 31 minutes, and a
    // payment on it takes the stock again (or asks for review) when its event comes.
    await payments.expireCheckout(sessionId).catch(() => undefined);
  }
  let page: CheckoutSession | undefined;
  try {
    page = await payments.createCheckout({
      orderId: order.id,
      currency: order.currency,
      lines: order.items.map((item) => ({
        name: item.variantTitle ? `${item.productTitle} (${item.variantTitle})` : item.productTitle,
        unitAmount: item.unitPrice,
        quantity: item.quantity,
        taxCode: item.taxCode,
      })),
      email: order.email,
      shipping: order.shipping
        ? {
            allowedCountries: order.shipping.allowedCountries,
            options: order.shipping.offers.map(({ rateId, name, amount, minDays, maxDays }) => ({
              rateId,
              name,
              amount,
              minDays,
              maxDays,
            })),
          }
        : null,
      tax: order.taxBehavior
        ? { behavior: order.taxBehavior, shippingTaxCode: SHIPPING_TAX_CODE }
        : null,
      discount: order.discount
        ? { amount: order.discount.amount, name: order.discount.label }
        : null,
      successUrl: `${deps.origin}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      // The order's id (unguessable) lets the cart page close this checkout, and no other.
      cancelUrl: `${deps.origin}/cart?checkout=cancelled&order=${order.id}`,
      expiresAt: new Date(deps.clock().getTime() + PAYMENT_PAGE_MS),
      idempotencyKey: `edgecart-checkout/${order.id}`,
    });
    const providerRateIds = page.shippingRateIds;
    await attachCheckoutSession(
      db,
      order.id,
      {
        sessionId: page.sessionId,
        shippingOffers:
          order.shipping?.offers.map(({ rateId, name, amount }, i) => ({
            rateId,
            name,
            amount,
            providerRateId: providerRateIds[i] ?? null,
          })) ?? null,
      },
      deps.clock(),
    );
  } catch (error) {
    // A page made for an order that is cancelled must not take a payment: close it.
    if (page) await payments.expireCheckout(page.sessionId).catch(() => undefined);
    // If this fails too, the sweeper releases the stock when the hold ends.
    await cancelPendingOrder(
      { db, now: deps.clock(), stockChanges },
      order.id,
      'checkout',
      'order.payment_page_failed',
    ).catch(() => false);
    throw new UnavailableError(
      'The payment service did not answer. Nothing was charged and your cart is as it was: try again in a moment.',
      { cause: error },
    );
  }
  return { url: page.url, orderId: order.id, orderNumber: order.number };
}

/**
 * The shopper came back from the payment page without paying: the page is
 * closed and the order cancelled, its stock released at once rather than
 * when the page would expire. Only a pending order of the owner's own cart
 * is touched. `completed` when the page was paid after all (the order waits
 * for its payment event), `cancelled` also when the page's expiry event
 * cancelled it first, `none` when there was nothing to cancel.
 */
export async function cancelCheckout(
  deps: Pick<StartCheckoutDeps, 'db' | 'clock' | 'stockChanges'> & {
    payments: Pick<Payments, 'expireCheckout'> | null;
  },
  owner: CartOwner,
  orderId: string,
): Promise<'cancelled' | 'completed' | 'none'> {
  const order = (await pendingOrdersOfCart(deps.db, owner)).find((o) => o.id === orderId);
  if (!order) return 'none';
  // Closed first: once it is, the page can no longer take a payment for a cancelled order.
  if (order.checkoutSessionId && deps.payments) {
    const page = await deps.payments.expireCheckout(order.checkoutSessionId);
    if (page === 'completed') return 'completed';
  }
  const cancelled = await cancelPendingOrder(
    { db: deps.db, now: deps.clock(), stockChanges: deps.stockChanges },
    order.id,
    'checkout',
    'order.checkout_cancelled',
  );
  if (cancelled) return 'cancelled';
  // Closing a page makes the provider send its expiry event, which may land before the
  // reply and cancel the order first: its stock is back all the same.
  const [now] = await deps.db
    .select({ status: orders.status })
    .from(orders)
    .where(eq(orders.id, order.id));
  return now?.status === 'cancelled' ? 'cancelled' : 'none';
}
