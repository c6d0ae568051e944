import {
  and,
  asc,
  type Database,
  desc,
  eq,
  isNull,
  orders,
  type ShippingOffer,
} from '@edgecart/db';
import { writeAudit } from '../audit.ts';
import type { CartOwner } from '../cart/owner.ts';
import { findCartId } from '../cart/owner.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { amountLines } from '../orders/order-amounts.ts';
import { orderSummary, withItems } from '../orders/orders-of-user.ts';
import { releaseRedemptions } from '../promotions/redemptions.ts';
import { releaseOrderStock } from './release-stock.ts';

/** Remembers the payment page made for an order, and the provider's id of each shipping option. */
export async function attachCheckoutSession(
  db: Database,
  orderId: string,
  page: { sessionId: string; shippingOffers: ShippingOffer[] | null },
  now: Date,
) {
  await db
    .update(orders)
    .set({
      checkoutSessionId: page.sessionId,
      ...(page.shippingOffers ? { shippingOffers: page.shippingOffers } : {}),
      updatedAt: now,
    })
    .where(eq(orders.id, orderId));
}

/**
 * Cancels an order nobody paid for and puts its stock back, with an audit
 * row; an order that is no longer pending is left alone. Returns whether it
 * cancelled.
 */
export async function cancelPendingOrder(
  deps: { db: Database; now: Date; stockChanges?: StockChanges | undefined },
  orderId: string,
  actor: string,
  action = 'order.cancelled',
): Promise<boolean> {
  return deps.db.transaction((tx) =>
    cancelPendingInTransaction(tx, orderId, deps.now, actor, action, deps.stockChanges),
  );
}

/** {@link cancelPendingOrder} inside the caller's transaction. */
export async function cancelPendingInTransaction(
  tx: Database,
  orderId: string,
  now: Date,
  actor: string,
  action: string,
  changes?: StockChanges,
): Promise<boolean> {
  const [order] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.status, 'pending'), isNull(orders.paidAt)))
    .for('update');
  if (!order) return false;
  // The promotions' uses before the stock: the order every path takes them in.
  await releaseRedemptions(tx, order.id, now);
  await releaseOrderStock(tx, order.id, now, changes);
  await tx
    .update(orders)
    .set({ status: 'cancelled', updatedAt: now })
    .where(eq(orders.id, order.id));
  await writeAudit(
    tx,
    {
      actor,
      action,
      entityType: 'order',
      entityId: order.id,
      before: { status: 'pending' },
      after: { status: 'cancelled' },
    },
    now,
  );
  return true;
}

/** Pending orders placed from the owner's cart: a new checkout replaces them. */
export async function pendingOrdersOfCart(db: Database, owner: CartOwner) {
  const cartId = await findCartId(db, owner);
  if (!cartId) return [];
  return db
    .select({ id: orders.id, checkoutSessionId: orders.checkoutSessionId })
    .from(orders)
    .where(and(eq(orders.cartId, cartId), eq(orders.status, 'pending'), isNull(orders.paidAt)))
    .orderBy(asc(orders.number));
}

/** An order as the payment's return page shows it, found by the payment page's id. */
export async function orderByCheckoutSession(db: Database, sessionId: string) {
  const [order] = await db
    .select({
      ...orderSummary,
      subtotal: orders.subtotal,
      discountAmount: orders.discountAmount,
      discountLabel: orders.discountLabel,
      shippingAmount: orders.shippingAmount,
      taxAmount: orders.taxAmount,
      taxBehavior: orders.taxBehavior,
      shippingRateName: orders.shippingRateName,
      shipToCountry: orders.shipToCountry,
    })
    .from(orders)
    .where(eq(orders.checkoutSessionId, sessionId))
    .orderBy(desc(orders.createdAt))
    .limit(1);
  if (!order) return null;
  // The amounts as lines; the address stays off a page whose link is only a session id.
  const { id, number, status, currency, total, createdAt } = order;
  return withItems(db, {
    ...{ id, number, status, currency, total, createdAt },
    amountLines: amountLines(order),
  });
}
