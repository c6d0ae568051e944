import {
  and,
  asc,
  auditLog,
  type Database,
  desc,
  eq,
  gte,
  ilike,
  lt,
  type OrderStatus,
  orderItems,
  orders,
  paymentEvents,
} from '@edgecart/db';
import { escapeLike } from '../catalog/search.ts';
import { NotFoundError } from '../errors.ts';
import { shipmentsOf } from '../fulfilment/ship-order.ts';
import { amountLines, amountsOf } from '../orders/order-amounts.ts';
import { refundableAmount } from './refund-order.ts';

export interface AdminOrderFilter {
  status?: OrderStatus | undefined;
  /** Placed on or after, and before. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Part of the address, any case. */
  email?: string | undefined;
  /** The last order number of the page before (newest first). */
  before?: number | undefined;
  limit: number;
}

/** Orders, newest first, filtered; `nextBefore` pages on. */
export async function adminListOrders(db: Database, filter: AdminOrderFilter) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      status: orders.status,
      currency: orders.currency,
      total: orders.total,
      amountRefunded: orders.amountRefunded,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(
      and(
        filter.status ? eq(orders.status, filter.status) : undefined,
        filter.from ? gte(orders.createdAt, filter.from) : undefined,
        filter.to ? lt(orders.createdAt, filter.to) : undefined,
        filter.email ? ilike(orders.email, `%${escapeLike(filter.email)}%`) : undefined,
        filter.before !== undefined ? lt(orders.number, filter.before) : undefined,
      ),
    )
    .orderBy(desc(orders.number))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  return {
    items,
    nextBefore: rows.length > filter.limit ? (items.at(-1)?.number ?? null) : null,
  };
}

/** One order with its items, its payment events and its audit trail, oldest first. */
export async function adminGetOrder(db: Database, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new NotFoundError('There is no such order.');
  const [items, events, trail] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        variantId: orderItems.variantId,
        productTitle: orderItems.productTitle,
        variantTitle: orderItems.variantTitle,
        sku: orderItems.sku,
        unitPrice: orderItems.unitPrice,
        quantity: orderItems.quantity,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.id)),
    db
      .select({
        id: paymentEvents.id,
        type: paymentEvents.type,
        outcome: paymentEvents.outcome,
        receivedAt: paymentEvents.receivedAt,
      })
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, orderId))
      .orderBy(asc(paymentEvents.receivedAt)),
    db
      .select({
        at: auditLog.at,
        actor: auditLog.actor,
        action: auditLog.action,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId)))
      .orderBy(asc(auditLog.id)),
  ]);
  const shipments = await shipmentsOf(db, orderId);
  const shippedOf = (itemId: number) =>
    shipments
      .flatMap((s) => s.lines)
      .filter((line) => line.orderItemId === itemId)
      .reduce((sum, line) => sum + line.quantity, 0);
  const { guestLinkHash: _hash, ...visible } = order;
  return {
    order: visible,
    amounts: amountsOf(order),
    amountLines: amountLines(order),
    refundable: refundableAmount(order),
    items: items.map((item) => ({ ...item, shipped: shippedOf(item.id) })),
    shipments,
    events,
    trail,
  };
}
