import { and, auditLog, type Database, eq, orders, sql } from '@edgecart/db';
import type { Payments } from '@edgecart/payments';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { writeAudit } from '../checkout/audit.ts';
import { releaseOrderStock } from '../checkout/release-stock.ts';
import { InvalidInputError, NotFoundError, UnavailableError } from '../errors.ts';

export interface RefundDeps {
  db: Database;
  now: Date;
  actor: string;
  payments: Pick<Payments, 'refund'>;
  stockChanges?: StockChanges | undefined;
}

/**
 * Asks the payment provider to refund `amount` of a paid order, with an
 * idempotency key made of the order, what was refunded before and this
 * amount: a double submit refunds once, and is recorded once. The order itself changes when the
 * provider's refund event arrives, through `applyPaymentEvent` like every
 * other payment state change. With `restock`, the order's items go back on
 * the shelves now, once per order, in one transaction with the audit row.
 */
export async function refundOrder(
  deps: RefundDeps,
  orderId: string,
  request: { amount: number; restock: boolean },
): Promise<{ refundId: string; restocked: boolean }> {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new NotFoundError('There is no such order.');
  if (
    (order.status !== 'paid' && order.status !== 'partially_refunded') ||
    !order.paymentIntentId
  ) {
    throw new InvalidInputError(`A ${order.status.replace('_', ' ')} order cannot be refunded.`);
  }
  const left = order.amountPaid - order.amountRefunded;
  if (!Number.isInteger(request.amount) || request.amount < 1 || request.amount > left) {
    throw new InvalidInputError(`Refund between 1 and ${left} (${order.currency} minor units).`, {
      field: 'amount',
    });
  }
  let refundId: string;
  try {
    ({ refundId } = await deps.payments.refund({
      orderId,
      paymentIntentId: order.paymentIntentId,
      amount: request.amount,
      idempotencyKey: `edgecart-refund/${orderId}/${order.amountRefunded}/${request.amount}`,
    }));
  } catch (error) {
    throw new UnavailableError(
      'The payment service did not take the refund. Nothing was refunded: try again in a moment.',
      { cause: error },
    );
  }
  const restocked = await deps.db.transaction(async (tx) => {
    // A double submit: the provider answered with the refund it already made. Recorded once.
    const [recorded] = await tx
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'order'),
          eq(auditLog.entityId, orderId),
          eq(auditLog.action, 'order.refund_requested'),
          sql`${auditLog.after}->>'refundId' = ${refundId}`,
        ),
      );
    if (recorded) return (recorded.after as { restocked?: boolean } | null)?.restocked ?? false;
    const released = request.restock
      ? await releaseOrderStock(tx, orderId, deps.now, deps.stockChanges)
      : false;
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'order.refund_requested',
        entityType: 'order',
        entityId: orderId,
        before: { amountRefunded: order.amountRefunded },
        after: { refundId, amount: request.amount, restocked: released },
      },
      deps.now,
    );
    return released;
  });
  return { refundId, restocked };
}
