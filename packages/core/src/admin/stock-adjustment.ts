import { eq, products, productVariants } from '@edgecart/db';
import { writeAudit } from '../audit.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { AdminDeps } from './admin-deps.ts';

export type StockChange =
  | { kind: 'set'; stock: number }
  /** Received (+) or written off (−). */
  | { kind: 'adjust'; delta: number };

/** The most one variant can hold: far above any shelf, inside a 32-bit integer. */
export const MAX_STOCK = 1_000_000;

/**
 * Sets or adjusts one variant's stock, with a reason, in one transaction with
 * its audit row. The variant's row is locked first, so a checkout reserving
 * the same variant waits for it (or it for the checkout): the two never
 * overwrite each other, and stock never goes below zero, since an adjustment
 * that would is refused with the stock as it stands.
 */
export async function adjustStock(
  deps: AdminDeps,
  variantId: string,
  change: StockChange,
  reason: string,
): Promise<{ stock: number }> {
  const result = await deps.db.transaction(async (tx) => {
    const [variant] = await tx
      .select({ stock: productVariants.stock, sku: productVariants.sku, productId: products.id })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(productVariants.id, variantId))
      .for('update', { of: productVariants });
    if (!variant) throw new NotFoundError('There is no such variant.');
    const stock = change.kind === 'set' ? change.stock : variant.stock + change.delta;
    if (stock < 0) {
      throw new InvalidInputError(
        `Only ${variant.stock} of ${variant.sku} are in stock: it cannot go below zero.`,
        { field: change.kind === 'set' ? 'stock' : 'delta' },
      );
    }
    if (stock > MAX_STOCK) {
      throw new InvalidInputError(`Stock is at most ${MAX_STOCK}.`, {
        field: change.kind === 'set' ? 'stock' : 'delta',
      });
    }
    await tx.update(productVariants).set({ stock }).where(eq(productVariants.id, variantId));
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'variant.stock_changed',
        entityType: 'variant',
        entityId: variantId,
        before: { stock: variant.stock },
        after: { stock, reason },
      },
      deps.now,
    );
    return { stock };
  });
  deps.stockChanges?.record(variantId);
  return result;
}
