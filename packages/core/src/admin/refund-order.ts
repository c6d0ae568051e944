import { and, type Database, eq, inArray, orders, refunds, sql } from '@edgecart/db';
import type { Payments } from '@edgecart/payments';
import { writeAudit } from '../audit.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { releaseOrderStock } from '../checkout/release-stock.ts';
import { InvalidInputError, NotFoundError, UnavailableError } from '../errors.ts';

export interface RefundDeps {
  db: Database;
  now: Date;
  actor: string;
  payments: Pick<Payments, 'refund'>;
  stockChanges?: StockChanges | undefined;
}

export interface RefundRequestInput {
  /** Integer minor units. */
  amount: number;
  restock: boolean;
  /**
   * The refund form's own key (a UUID made when the form is shown): sending
   * one form twice is one refund; two forms are two refunds, equal or not.
   */
  requestKey: string;
  /**
   * A further rule for this refund, checked on the order under its row lock
   * (so that no other writer of the order can slip in between): throws to
   * refuse, and nothing is counted or sent.
   */
  onlyIf?: ((order: typeof orders.$inferSelect) => void) | undefined;
}

type Order = typeof orders.$inferSelect;
type Refund = typeof refunds.$inferSelect;

/** Whether an order's payment can be refunded at all: it was paid, through the provider. */
const refundableStatus = (order: Pick<Order, 'status' | 'paymentIntentId'>) =>
  (order.status === 'paid' || order.status === 'partially_refunded') &&
  order.paymentIntentId !== null;

/**
 * What is left to refund of an order: nothing unless it was paid; else what
 * was paid less the larger of what the provider's events say was refunded
 * and what the shop has asked it to refund (refunds requested but not yet
 * confirmed by an event count too). Pages offer a refund when it is above 0.
 */
export function refundableAmount(
  order: Pick<
    Order,
    'status' | 'paymentIntentId' | 'amountPaid' | 'amountRefunded' | 'amountRefundRequested'
  >,
): number {
  if (!refundableStatus(order)) return 0;
  return Math.max(
    0,
    order.amountPaid - Math.max(order.amountRefunded, order.amountRefundRequested),
  );
}

/** The provider's idempotency key of one refund request: its own, never shared. */
export const refundIdempotencyKey = (refundId: string) => `edgecart-refund/${refundId}`;

/**
 * Counts a refund request against the order, under the order's row lock, with
 * its audit row: a refund is never more than what is left, counting the
 * refunds other requests have asked for and whose events have not landed.
 * A request already made with the same key is not counted again.
 */
async function countRequest(
  deps: RefundDeps,
  orderId: string,
  request: RefundRequestInput,
): Promise<{ refund: Refund; paymentIntentId: string } | { done: Refund }> {
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new NotFoundError('There is no such order.');
    request.onlyIf?.(order);
    const [earlier] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.orderId, orderId), eq(refunds.requestKey, request.requestKey)));
    if (earlier && (earlier.amount !== request.amount || earlier.restock !== request.restock)) {
      throw new InvalidInputError(
        'This refund form was already sent with other values: reload the page to make another refund.',
      );
    }
    // Sent before: a double submit, answered with what the first did.
    if (earlier?.status === 'sent') return { done: earlier };
    // Counted, its provider call in flight or cut short: the same idempotency key refunds once.
    if (earlier?.status === 'requested' && order.paymentIntentId) {
      return { refund: earlier, paymentIntentId: order.paymentIntentId };
    }
    if (!refundableStatus(order) || !order.paymentIntentId) {
      throw new InvalidInputError(`A ${order.status.replace('_', ' ')} order cannot be refunded.`);
    }
    const left = refundableAmount(order);
    if (left === 0) {
      throw new InvalidInputError(
        'Nothing is left to refund: the refunds already asked for cover what was paid.',
        { field: 'amount' },
      );
    }
    if (request.amount > left) {
      throw new InvalidInputError(
        `At most ${left} is left to refund (${order.currency} minor units), counting refunds asked for and not yet confirmed.`,
        { field: 'amount' },
      );
    }
    // Refunds the provider reported before are counted in, so that what is left stays right.
    const counted = Math.max(order.amountRefunded, order.amountRefundRequested) + request.amount;
    await tx
      .update(orders)
      .set({ amountRefundRequested: counted, updatedAt: deps.now })
      .where(eq(orders.id, orderId));
    const [refund] = earlier
      ? await tx
          .update(refunds)
          .set({ status: 'requested', requestedBy: deps.actor, updatedAt: deps.now })
          .where(eq(refunds.id, earlier.id))
          .returning()
      : await tx
          .insert(refunds)
          .values({
            orderId,
            requestKey: request.requestKey,
            amount: request.amount,
            restock: request.restock,
            requestedBy: deps.actor,
            createdAt: deps.now,
            updatedAt: deps.now,
          })
          .returning();
    if (!refund) throw new Error('The refund request was not recorded.');
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.refund_requested',
        entityType: 'order',
        entityId: orderId,
        before: {
          amountRefunded: order.amountRefunded,
          amountRefundRequested: order.amountRefundRequested,
        },
        after: {
          refund: refund.id,
          amount: request.amount,
          restock: request.restock,
          amountRefundRequested: counted,
        },
      },
      deps.now,
    );
    return { refund, paymentIntentId: order.paymentIntentId };
  });
}

/**
 * The provider took the refund: it is `sent`, and with `restock` the order's
 * items go back on the shelves (once per order), with the audit row. A
 * request marked `failed` by a concurrent double submit whose call the
 * provider refused is counted again: the provider did make it.
 */
async function recordSent(deps: RefundDeps, refund: Refund, providerRefundId: string) {
  return deps.db.transaction(async (tx) => {
    await tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.id, refund.orderId))
      .for('update');
    const [current] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.id, refund.id), inArray(refunds.status, ['requested', 'failed'])));
    if (!current) {
      const [sent] = await tx.select().from(refunds).where(eq(refunds.id, refund.id));
      return sent ?? refund;
    }
    if (current.status === 'failed') {
      await tx
        .update(orders)
        .set({
          amountRefundRequested: sql`${orders.amountRefundRequested} + ${refund.amount}`,
          updatedAt: deps.now,
        })
        .where(eq(orders.id, refund.orderId));
    }
    const restocked = refund.restock
      ? await releaseOrderStock(tx, refund.orderId, deps.now, deps.stockChanges)
      : false;
    const [sent] = await tx
      .update(refunds)
      .set({ status: 'sent', providerRefundId, restocked, updatedAt: deps.now })
      .where(eq(refunds.id, refund.id))
      .returning();
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.refund_sent',
        entityType: 'order',
        entityId: refund.orderId,
        after: { refund: refund.id, refundId: providerRefundId, amount: refund.amount, restocked },
      },
      deps.now,
    );
    return sent ?? refund;
  });
}

/** The provider refused the refund: it is `failed`, and no longer counted. */
async function recordFailed(deps: RefundDeps, refund: Refund) {
  await deps.db.transaction(async (tx) => {
    await tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.id, refund.orderId))
      .for('update');
    const failed = await tx
      .update(refunds)
      .set({ status: 'failed', updatedAt: deps.now })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'requested')))
      .returning({ id: refunds.id });
    if (failed.length === 0) return;
    await tx
      .update(orders)
      .set({
        amountRefundRequested: sql`${orders.amountRefundRequested} - ${refund.amount}`,
        updatedAt: deps.now,
      })
      .where(eq(orders.id, refund.orderId));
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.refund_failed',
        entityType: 'order',
        entityId: refund.orderId,
        after: { refund: refund.id, amount: refund.amount },
      },
      deps.now,
    );
  });
}

/**
 * Asks the payment provider to refund `amount` of a paid order. The request
 * is first counted against the order (`amountRefundRequested`, under its row
 * lock): a refund never exceeds what is left, even while earlier refunds wait
 * for their events. Each request has its own idempotency key, so two equal
 * partial refunds are two refunds, while sending one form twice (the same
 * `requestKey`) refunds once. If the provider refuses, the request stops
 * counting. The order's refunded amount and status change when the
 * provider's refund event arrives, through `applyPaymentEvent` like every
 * other payment state change. With `restock`, the order's items go back on
 * the shelves once the provider took the refund, once per order.
 */
export async function refundOrder(
  deps: RefundDeps,
  orderId: string,
  request: RefundRequestInput,
): Promise<{ refundId: string; restocked: boolean }> {
  if (!Number.isInteger(request.amount) || request.amount < 1) {
    throw new InvalidInputError('Refund a whole number of minor units, at least 1.', {
      field: 'amount',
    });
  }
  const counted = await countRequest(deps, orderId, request);
  if ('done' in counted) {
    return {
      refundId: counted.done.providerRefundId ?? '',
      restocked: counted.done.restocked,
    };
  }
  const { refund, paymentIntentId } = counted;
  let providerRefundId: string;
  try {
    ({ refundId: providerRefundId } = await deps.payments.refund({
      orderId,
      paymentIntentId,
      amount: refund.amount,
      idempotencyKey: refundIdempotencyKey(refund.id),
    }));
  } catch (error) {
    await recordFailed(deps, refund);
    throw new UnavailableError(
      'The payment service did not take the refund. Nothing was refunded: try again in a moment.',
      { cause: error },
    );
  }
  const sent = await recordSent(deps, refund, providerRefundId);
  return { refundId: sent.providerRefundId ?? providerRefundId, restocked: sent.restocked };
}
