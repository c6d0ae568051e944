import {
  and,
  cartItems,
  carts,
  type Database,
  eq,
  gte,
  orderItems,
  orders,
  paymentEvents,
  productVariants,
  sql,
} from '@edgecart/db';
import type { PaymentEvent } from '@edgecart/payments';
import { writeAudit } from '../audit.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { enqueueEmail } from '../outbox/queue.ts';
import {
  keepRedemptions,
  releaseRedemptions,
  retakeRedemptions,
} from '../promotions/redemptions.ts';
import { orderConfirmationEmail } from './emails.ts';
import { newGuestOrderLink } from './guest-order-link.ts';
import { checkPaidAmounts } from './paid-amounts.ts';
import { releaseOrderStock } from './release-stock.ts';

export type PaymentEventOutcome =
  | 'duplicate'
  | 'paid'
  | 'cancelled'
  | 'refunded'
  | 'partially_refunded'
  | 'needs_review'
  | 'no-change'
  | 'ignored';

type Tx = Database;

export interface PaymentEventDeps {
  db: Database;
  now: Date;
  origin: string;
  /** Told which variants' stock moved, for the catalog cache. */
  stockChanges?: StockChanges | undefined;
}
type Order = typeof orders.$inferSelect;

/** The status a paid order has once `refunded` of `paid` has gone back. */
function paidStatus(amountPaid: number, amountRefunded: number) {
  if (amountRefunded <= 0) return 'paid' as const;
  return amountRefunded >= amountPaid ? ('refunded' as const) : ('partially_refunded' as const);
}

/** Thrown inside `reserveAgain`'s savepoint to give back what it took; says what was missing. */
class Shortage extends Error {}

/**
 * Takes the promotions' uses and the stock again for an order whose
 * reservation was released (paid after it was cancelled): all or none. The
 * uses come first, then each line with a conditional update, inside a
 * savepoint; at the first that cannot be had (a code used up meanwhile, a
 * line sold out or its variant deleted) the savepoint rolls back, so what was
 * already taken is given back and nothing leaks. Returns null when it took
 * everything, else what could not be had.
 */
async function reserveAgain(
  tx: Tx,
  orderId: string,
  now: Date,
  changes?: StockChanges,
): Promise<string | null> {
  const items = await tx
    .select({ variantId: orderItems.variantId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.variantId);
  try {
    await tx.transaction(async (savepoint) => {
      const uses = await retakeRedemptions(savepoint, orderId, now);
      if (uses) throw new Shortage(uses);
      for (const item of items) {
        if (!item.variantId) throw new Shortage('the stock is gone');
        const taken = await savepoint
          .update(productVariants)
          .set({ stock: sql`${productVariants.stock} - ${item.quantity}` })
          .where(
            and(eq(productVariants.id, item.variantId), gte(productVariants.stock, item.quantity)),
          )
          .returning({ id: productVariants.id });
        if (taken.length === 0) throw new Shortage('the stock is gone');
      }
    });
  } catch (error) {
    if (error instanceof Shortage) return error.message;
    throw error;
  }
  for (const item of items) if (item.variantId) changes?.record(item.variantId);
  return null;
}

async function change(
  tx: Tx,
  order: Order,
  set: Partial<typeof orders.$inferInsert>,
  actor: string,
  action: string,
  now: Date,
) {
  await tx
    .update(orders)
    .set({ ...set, updatedAt: now })
    .where(eq(orders.id, order.id));
  const pick = (o: Partial<Order>) => ({
    status: o.status,
    amountPaid: o.amountPaid,
    amountRefunded: o.amountRefunded,
  });
  await writeAudit(
    tx,
    {
      actor,
      action,
      entityType: 'order',
      entityId: order.id,
      before: pick(order),
      after: pick({ ...order, ...set }),
    },
    now,
  );
}

async function applyPaid(
  tx: Tx,
  order: Order,
  event: Extract<PaymentEvent, { kind: 'checkout-paid' }>,
  deps: Pick<PaymentEventDeps, 'now' | 'origin' | 'stockChanges'>,
): Promise<PaymentEventOutcome> {
  const actor = `payment:${event.eventId}`;
  if (order.paidAt || order.status === 'needs_review') return 'no-change';
  const email = order.email ?? event.email;
  /** Money came in that cannot simply make the order paid: keep it, and ask a person. */
  const review = async (reviewReason: string, action: string) => {
    await change(
      tx,
      order,
      {
        status: 'needs_review',
        email,
        paymentIntentId: event.paymentIntentId,
        amountPaid: event.amount,
        reviewReason,
      },
      actor,
      action,
      deps.now,
    );
    return 'needs_review' as const;
  };
  const checked = checkPaidAmounts(order, event);
  if ('problem' in checked) return review(checked.problem, 'order.payment_mismatch');
  const { offer } = checked;
  const missing = order.stockReleasedAt
    ? await reserveAgain(tx, order.id, deps.now, deps.stockChanges)
    : null;
  if (missing) {
    return review(`paid after the order was cancelled, and ${missing}`, 'order.paid_after_cancel');
  }
  await keepRedemptions(tx, order.id, deps.now);
  const status = paidStatus(event.amount, order.amountRefunded);
  // A guest has no account to find the order in: the email carries a link to it.
  const link = order.userId ? null : newGuestOrderLink(deps.origin, order.id, deps.now);
  const paid = {
    status,
    email,
    paidAt: deps.now,
    amountPaid: event.amount,
    total: event.amount,
    shippingAmount: offer?.amount ?? 0,
    taxAmount: event.tax,
    discountAmount: event.discount,
    shippingRateId: offer?.rateId ?? null,
    shippingRateName: offer?.name ?? null,
    shippingName: event.shippingDetails?.name ?? null,
    shippingAddress: event.shippingDetails?.address ?? null,
    paymentIntentId: event.paymentIntentId,
    stockReleasedAt: null,
    ...link?.set,
  };
  await change(tx, order, paid, actor, 'order.paid', deps.now);
  if (order.cartId) {
    // The cart is bought: emptied, and its code goes with it.
    await tx.delete(cartItems).where(eq(cartItems.cartId, order.cartId));
    await tx.update(carts).set({ discountCode: null }).where(eq(carts.id, order.cartId));
  }
  if (email) {
    const items = await tx
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(orderItems.id);
    await enqueueEmail(
      tx,
      orderConfirmationEmail(email, { ...order, ...paid }, items, deps.origin, link?.url ?? null),
      deps.now,
    );
  }
  return status;
}

/**
 * Applies one verified payment event, exactly once, in one transaction: the
 * event id goes into `payment_events` first (a redelivery finds it and
 * changes nothing), then the order moves, with an audit row. Events commute:
 * a paid order is never un-paid by a late expiry, a refund that arrives
 * before its payment is kept and counted when the payment lands. A database
 * failure throws, so the webhook answers 5xx and the provider retries.
 */
export async function applyPaymentEvent(
  deps: PaymentEventDeps,
  event: PaymentEvent,
): Promise<PaymentEventOutcome> {
  return deps.db.transaction(async (tx) => {
    const orderId = 'orderId' in event ? event.orderId : null;
    const type = event.kind;
    const [order] = orderId
      ? await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
      : [];
    const recorded = await tx
      .insert(paymentEvents)
      .values({
        id: event.eventId,
        type,
        orderId: order?.id ?? null,
        outcome: 'pending',
        receivedAt: deps.now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (recorded.length === 0) return 'duplicate';

    let outcome: PaymentEventOutcome = 'ignored';
    if (event.kind !== 'ignored' && order) {
      const actor = `payment:${event.eventId}`;
      if (event.kind === 'checkout-paid') {
        outcome = await applyPaid(tx, order, event, deps);
      } else if (event.kind === 'checkout-expired' || event.kind === 'checkout-failed') {
        if (order.status === 'pending' && !order.paidAt) {
          await releaseRedemptions(tx, order.id, deps.now);
          await releaseOrderStock(tx, order.id, deps.now, deps.stockChanges);
          await change(
            tx,
            { ...order },
            { status: 'cancelled' },
            actor,
            'order.cancelled',
            deps.now,
          );
          outcome = 'cancelled';
        } else {
          outcome = 'no-change';
        }
      } else if (event.kind === 'refunded') {
        const amountRefunded = Math.max(order.amountRefunded, event.amountRefunded);
        if (amountRefunded === order.amountRefunded) {
          outcome = 'no-change';
        } else {
          const status =
            order.paidAt && order.status !== 'needs_review'
              ? paidStatus(order.amountPaid, amountRefunded)
              : order.status;
          await change(tx, order, { amountRefunded, status }, actor, 'order.refunded', deps.now);
          outcome = status === 'refunded' || status === 'partially_refunded' ? status : 'no-change';
        }
      }
    }
    const reason =
      event.kind === 'ignored'
        ? `ignored: ${event.type}`
        : !order
          ? 'ignored: no such order'
          : outcome;
    await tx
      .update(paymentEvents)
      .set({ outcome: reason })
      .where(eq(paymentEvents.id, event.eventId));
    return outcome;
  });
}
