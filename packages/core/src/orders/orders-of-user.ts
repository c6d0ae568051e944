import { and, type Database, desc, eq, orderItems, orders, sql } from '@edgecart/db';
import { guestLinkOpens } from '../checkout/guest-order-link.ts';
import { NotFoundError } from '../errors.ts';
import { shipmentsOf } from '../fulfilment/ship-order.ts';
import { amountLines, amountsOf } from './order-amounts.ts';

/** What a list of orders, or a page that names one, shows of each. */
export const orderSummary = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  currency: orders.currency,
  total: orders.total,
  createdAt: orders.createdAt,
};

/** A signed-in shopper's orders, newest first, that were placed (pending ones included). */
export async function listOrders(db: Database, userId: string) {
  return db
    .select({
      ...orderSummary,
      // Qualified by hand: drizzle leaves columns unqualified in a one-table select.
      itemCount: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(100);
}

const detail = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  currency: orders.currency,
  subtotal: orders.subtotal,
  discountAmount: orders.discountAmount,
  discountLabel: orders.discountLabel,
  shippingAmount: orders.shippingAmount,
  taxAmount: orders.taxAmount,
  total: orders.total,
  amountRefunded: orders.amountRefunded,
  fulfilmentStatus: orders.fulfilmentStatus,
  shippingName: orders.shippingName,
  shippingAddress: orders.shippingAddress,
  shippingRateName: orders.shippingRateName,
  shipToCountry: orders.shipToCountry,
  taxBehavior: orders.taxBehavior,
  createdAt: orders.createdAt,
  paidAt: orders.paidAt,
};

/** An order as the shopper's pages get it: its amounts as one object and as the lines shown. */
function presented<T extends Parameters<typeof amountLines>[0]>(order: T) {
  const {
    discountAmount: _d,
    discountLabel: _l,
    shippingAmount: _s,
    taxAmount: _t,
    ...rest
  } = order;
  return { ...rest, amounts: amountsOf(order), amountLines: amountLines(order) };
}

/** An order with its items, as bought (titles, SKU and price copied at purchase), and its shipments. */
export async function withItems<T extends { id: string }>(db: Database, order: T) {
  const items = await db
    .select({
      id: orderItems.id,
      productTitle: orderItems.productTitle,
      variantTitle: orderItems.variantTitle,
      sku: orderItems.sku,
      quantity: orderItems.quantity,
      unitPrice: orderItems.unitPrice,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(orderItems.id);
  const shipments = await shipmentsOf(db, order.id);
  return { ...order, items, shipments };
}

/** One of the shopper's orders with its items; anyone else's is not found. */
export async function getOrder(db: Database, userId: string, orderId: string) {
  const [order] = await db
    .select(detail)
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  if (!order) throw new NotFoundError('There is no such order in your account.');
  return withItems(db, presented(order));
}

/**
 * A guest's order, opened by the link in their confirmation email. A wrong
 * or expired key is told apart from nothing: both are "not found", so a
 * link cannot be probed for which orders exist.
 */
export async function getOrderByGuestLink(db: Database, orderId: string, key: string, now: Date) {
  const [order] = await db
    .select({
      ...detail,
      guestLinkHash: orders.guestLinkHash,
      guestLinkExpiresAt: orders.guestLinkExpiresAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order || !guestLinkOpens(order, key, now)) {
    throw new NotFoundError(
      'This order link is not valid or has expired. Reply to your confirmation email and we will help.',
    );
  }
  const { guestLinkHash: _hash, guestLinkExpiresAt: _expires, ...shown } = order;
  return withItems(db, presented(shown));
}
