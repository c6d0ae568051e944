import { and, asc, type Database, eq, isNull, lt, orders } from '@edgecart/db';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { cancelPendingOrder } from '../checkout/order-lifecycle.ts';

/**
 * Pending orders past their hold: the payment page's expiry event should have
 * cancelled them; this catches the ones whose event never came. For each, the
 * caller may first close its payment page (`closePage`), then the order is
 * cancelled and its stock released, with an audit row. At most `limit` a run.
 */
export async function sweepExpiredOrders(
  deps: { db: Database; now: Date; stockChanges?: StockChanges | undefined },
  /** Closes the order's payment page; `completed` when the shopper paid on it after all. */
  closePage: (sessionId: string) => Promise<'closed' | 'completed'>,
  options: { limit?: number } = {},
): Promise<{ cancelled: string[] }> {
  const due = await deps.db
    .select({ id: orders.id, checkoutSessionId: orders.checkoutSessionId })
    .from(orders)
    .where(and(eq(orders.status, 'pending'), isNull(orders.paidAt), lt(orders.expiresAt, deps.now)))
    .orderBy(asc(orders.expiresAt))
    .limit(options.limit ?? 50);
  const cancelled: string[] = [];
  for (const order of due) {
    // Paid on the page, its event still on the way: the order is not abandoned.
    if (order.checkoutSessionId && (await closePage(order.checkoutSessionId)) === 'completed') {
      continue;
    }
    if (await cancelPendingOrder(deps, order.id, 'sweeper', 'order.expired'))
      cancelled.push(order.id);
  }
  return { cancelled };
}
