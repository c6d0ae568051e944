import {
  and,
  asc,
  type Database,
  eq,
  type FulfilmentStatus,
  inArray,
  isNull,
  orderItems,
  orders,
  shipmentLines,
  shipments,
  sql,
} from '@edgecart/db';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { refundableAmount } from '../admin/refund-order.ts';
import { writeAudit } from '../audit.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { enqueueEmail } from '../outbox/queue.ts';
import { trackingUrl } from './carriers.ts';
import { shippedEmail } from './shipped-email.ts';

export interface ShipmentInput {
  lines: { orderItemId: number; quantity: number }[];
  carrier: string;
  trackingNumber: string;
}

/** Orders whose goods may leave: paid, or paid and partly refunded. */
const shippable = new Set(['paid', 'partially_refunded']);

/** How many of each item of an order have shipped so far. */
async function shippedSoFar(db: Database, orderId: string): Promise<Map<number, number>> {
  const rows = await db
    .select({
      orderItemId: shipmentLines.orderItemId,
      quantity: sql<number>`sum(${shipmentLines.quantity})::int`,
    })
    .from(shipmentLines)
    .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
    .where(eq(shipments.orderId, orderId))
    .groupBy(shipmentLines.orderItemId);
  return new Map(rows.map((r) => [r.orderItemId, r.quantity]));
}

/**
 * Ships some or all of a paid order's items as one parcel: never more of an
 * item than is left unshipped. The order's row is locked for the whole
 * transaction, so two admins shipping at once are serialised and the second
 * sees the first's shipment. Moves the fulfilment status to partially shipped
 * or shipped, writes the audit row and queues the shopper's email with the
 * tracking link, all in one transaction.
 */
export async function shipOrder(
  deps: AdminDeps & { origin: string },
  orderId: string,
  input: ShipmentInput,
) {
  const carrier = input.carrier.trim();
  const trackingNumber = input.trackingNumber.trim();
  if (!carrier) throw new InvalidInputError('Name the carrier.', { field: 'carrier' });
  if (!trackingNumber) {
    throw new InvalidInputError('Give the tracking number.', { field: 'trackingNumber' });
  }
  const wanted = new Map<number, number>();
  for (const line of input.lines) {
    if (line.quantity <= 0) continue;
    wanted.set(line.orderItemId, (wanted.get(line.orderItemId) ?? 0) + line.quantity);
  }
  if (wanted.size === 0) {
    throw new InvalidInputError('Choose at least one item to ship.', { field: 'lines' });
  }
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new NotFoundError('There is no such order.');
    if (!shippable.has(order.status)) {
      throw new ConflictError(`A ${order.status.replace('_', ' ')} order cannot be shipped.`);
    }
    if (refundableAmount(order) === 0) {
      throw new ConflictError('This order is being refunded in full: it cannot ship.');
    }
    const items = await tx
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.id));
    const shipped = await shippedSoFar(tx, orderId);
    for (const [itemId, quantity] of wanted) {
      const item = items.find((i) => i.id === itemId);
      if (!item) throw new InvalidInputError('An item is not this order’s.', { field: 'lines' });
      const left = item.quantity - (shipped.get(itemId) ?? 0);
      if (quantity > left) {
        throw new InvalidInputError(
          left === 0
            ? `${item.sku} has already shipped.`
            : `Only ${left} of ${item.sku} ${left === 1 ? 'is' : 'are'} left to ship.`,
          { field: `lines.${itemId}` },
        );
      }
    }
    const url = trackingUrl(carrier, trackingNumber);
    const [shipment] = await tx
      .insert(shipments)
      .values({
        orderId,
        carrier,
        trackingNumber,
        trackingUrl: url,
        createdBy: deps.actor,
        createdAt: deps.now,
      })
      .returning();
    if (!shipment) throw new Error('the shipment was not made');
    await tx.insert(shipmentLines).values(
      [...wanted].map(([orderItemId, quantity]) => ({
        shipmentId: shipment.id,
        orderItemId,
        quantity,
      })),
    );
    const allShipped = items.every(
      (item) => (shipped.get(item.id) ?? 0) + (wanted.get(item.id) ?? 0) >= item.quantity,
    );
    const fulfilmentStatus: FulfilmentStatus = allShipped ? 'shipped' : 'partially_shipped';
    await tx
      .update(orders)
      .set({ fulfilmentStatus, updatedAt: deps.now })
      .where(eq(orders.id, orderId));
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.ship',
        entityType: 'order',
        entityId: orderId,
        before: { fulfilmentStatus: order.fulfilmentStatus },
        after: {
          fulfilmentStatus,
          shipment: shipment.id,
          carrier,
          trackingNumber,
          lines: Object.fromEntries(wanted),
        },
      },
      deps.now,
    );
    if (order.email) {
      await enqueueEmail(
        tx,
        shippedEmail(
          order.email,
          order,
          items.flatMap((item) => {
            const quantity = wanted.get(item.id);
            return quantity ? [{ ...item, quantity }] : [];
          }),
          { carrier, trackingNumber, trackingUrl: url },
          deps.origin,
        ),
        deps.now,
      );
    }
    return { shipmentId: shipment.id, fulfilmentStatus, trackingUrl: url };
  });
}

/**
 * Marks a shipment delivered; once every item has shipped and every shipment
 * is delivered, the order is `delivered`. Idempotent: a second mark changes nothing.
 */
export async function markDelivered(deps: AdminDeps, shipmentId: string) {
  return deps.db.transaction(async (tx) => {
    const [shipment] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId));
    if (!shipment) throw new NotFoundError('There is no such shipment.');
    const [order] = await tx
      .select()
      .from(orders)
      .where(eq(orders.id, shipment.orderId))
      .for('update');
    if (!order) throw new NotFoundError('There is no such order.');
    if (shipment.deliveredAt) return { fulfilmentStatus: order.fulfilmentStatus };
    await tx.update(shipments).set({ deliveredAt: deps.now }).where(eq(shipments.id, shipmentId));
    const [open] = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(and(eq(shipments.orderId, order.id), isNull(shipments.deliveredAt)))
      .limit(1);
    const fulfilmentStatus: FulfilmentStatus =
      order.fulfilmentStatus === 'shipped' && !open ? 'delivered' : order.fulfilmentStatus;
    if (fulfilmentStatus !== order.fulfilmentStatus) {
      await tx
        .update(orders)
        .set({ fulfilmentStatus, updatedAt: deps.now })
        .where(eq(orders.id, order.id));
    }
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.delivered',
        entityType: 'order',
        entityId: order.id,
        before: { fulfilmentStatus: order.fulfilmentStatus },
        after: { fulfilmentStatus, shipment: shipmentId },
      },
      deps.now,
    );
    return { fulfilmentStatus };
  });
}

/** An order's shipments, oldest first, each with its items, for the order pages. */
export async function shipmentsOf(db: Database, orderId: string) {
  const list = await db
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  if (list.length === 0) return [];
  const lines = await db
    .select({
      shipmentId: shipmentLines.shipmentId,
      orderItemId: shipmentLines.orderItemId,
      quantity: shipmentLines.quantity,
      productTitle: orderItems.productTitle,
      variantTitle: orderItems.variantTitle,
      sku: orderItems.sku,
    })
    .from(shipmentLines)
    .innerJoin(orderItems, eq(orderItems.id, shipmentLines.orderItemId))
    .where(
      inArray(
        shipmentLines.shipmentId,
        list.map((s) => s.id),
      ),
    )
    .orderBy(asc(shipmentLines.orderItemId));
  return list.map((shipment) => ({
    id: shipment.id,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    shippedAt: shipment.createdAt,
    deliveredAt: shipment.deliveredAt,
    lines: lines
      .filter((line) => line.shipmentId === shipment.id)
      .map(({ shipmentId: _, ...line }) => line),
  }));
}
