import { eq, orders } from '@edgecart/db';
import { type RefundDeps, refundableAmount, refundOrder } from '../admin/refund-order.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

/**
 * Cancels a paid order that has not shipped: refunds all that is left of it
 * through the refund path and puts its items back in stock (once the
 * provider took the refund). The order then turns `refunded` when the
 * provider's event arrives; no parcel can ship meanwhile (`shipOrder`
 * refuses an order with nothing left to refund). A shipped order is refunded
 * in part instead, item by item.
 */
export async function cancelPaidOrder(deps: RefundDeps, orderId: string, requestKey: string) {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new NotFoundError('There is no such order.');
  const unshipped = (current: typeof orders.$inferSelect) => {
    if (current.fulfilmentStatus !== 'unfulfilled') {
      throw new ConflictError(
        'Part of this order has shipped, so it cannot be cancelled: refund what did not ship instead.',
      );
    }
  };
  unshipped(order);
  const amount = refundableAmount(order);
  if (amount === 0) {
    throw new ConflictError('Only a paid order with money left to refund can be cancelled.');
  }
  // Checked again under the order's lock: a parcel shipped meanwhile refuses the cancel.
  return refundOrder(deps, orderId, { amount, restock: true, requestKey, onlyIf: unshipped });
}
