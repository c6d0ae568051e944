import {
  and,
  type Database,
  eq,
  isNotNull,
  isNull,
  orderItems,
  orders,
  productVariants,
  sql,
} from '@edgecart/db';
import type { StockChanges } from '../catalog/stock-changes.ts';

/**
 * Puts an order's reserved stock back, once: the order's `stock_released_at`
 * is set by a conditional update, and only the call that set it returns the
 * stock. Call it inside the transaction that cancels or refunds the order.
 * Returns whether this call released it.
 */
export async function releaseOrderStock(
  db: Database,
  orderId: string,
  now: Date,
  changes?: StockChanges,
): Promise<boolean> {
  const released = await db
    .update(orders)
    .set({ stockReleasedAt: now, updatedAt: now })
    .where(and(eq(orders.id, orderId), isNull(orders.stockReleasedAt)))
    .returning({ id: orders.id });
  if (released.length === 0) return false;
  const items = await db
    .select({ variantId: orderItems.variantId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), isNotNull(orderItems.variantId)))
    .orderBy(orderItems.variantId);
  for (const item of items) {
    if (!item.variantId) continue;
    changes?.record(item.variantId);
    await db
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${item.quantity}` })
      .where(eq(productVariants.id, item.variantId));
  }
  return true;
}
