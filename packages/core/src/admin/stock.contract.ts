import { auditLog, type Database, eq, users } from '@edgecart/db';
import { describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { placeOrder } from '../checkout/place-order.ts';
import { InvalidInputError } from '../errors.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { insertVariant, stockOf as variantStock } from '../testing/fixtures.ts';
import { adjustStock } from './stock-adjustment.ts';

/** Stock adjustments by an admin while shoppers check out, on every database driver. */
export function describeStockAdjustmentContract(driver: string, open: OpenDatabase) {
  describe(`stock adjustments on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });

    const variant = async (stock: number) =>
      (await insertVariant(db, { prefix: 'adjust', stock })).variantId;
    const stockOf = (id: string) => variantStock(db, id);
    const deps = {
      get db() {
        return db;
      },
      now: new Date(),
      actor: 'admin:test',
    };

    it('leaves stock consistent and never negative when adjustments and checkouts race', async () => {
      const id = await variant(20);
      const owners = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const [user] = await db
            .insert(users)
            .values({ email: `racer-${crypto.randomUUID()}@example.com`, passwordHash: 'x' })
            .returning({ id: users.id });
          const owner = { userId: user?.id ?? '' };
          await addToCart({ db, now: new Date() }, owner, { variantId: id, quantity: 1 });
          return owner;
        }),
      );
      const outcome = async (work: Promise<unknown>) =>
        work.then(
          () => 'ok' as const,
          (error: unknown) => {
            if (error instanceof InvalidInputError) return 'refused' as const;
            throw error;
          },
        );
      const checkouts = owners.map((owner) =>
        outcome(placeOrder({ db, now: new Date() }, owner, { email: null })),
      );
      const writeOffs = Array.from({ length: 15 }, () =>
        outcome(adjustStock(deps, id, { kind: 'adjust', delta: -1 }, 'Damaged')),
      );
      const deliveries = Array.from({ length: 5 }, () =>
        outcome(adjustStock(deps, id, { kind: 'adjust', delta: 2 }, 'Delivery')),
      );
      const [placed, writtenOff, delivered] = await Promise.all([
        Promise.all(checkouts),
        Promise.all(writeOffs),
        Promise.all(deliveries),
      ]);
      const count = (list: string[]) => list.filter((o) => o === 'ok').length;
      expect(count(delivered)).toBe(5);
      const final = await stockOf(id);
      expect(final).toBeGreaterThanOrEqual(0);
      expect(final).toBe(20 + 2 * 5 - count(placed) - count(writtenOff));
      // 35 units were asked for and at most 30 ever existed: some were refused, none oversold.
      expect(count(placed) + count(writtenOff)).toBeLessThanOrEqual(30);
      expect(
        placed.length + writtenOff.length - count(placed) - count(writtenOff),
      ).toBeGreaterThanOrEqual(5);
      const trail = await db
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(eq(auditLog.entityId, id));
      expect(trail).toHaveLength(count(writtenOff) + count(delivered));
    });

    it('refuses a change below zero and leaves stock and trail as they were', async () => {
      const id = await variant(2);
      await expect(adjustStock(deps, id, { kind: 'adjust', delta: -3 }, 'Lost')).rejects.toThrow(
        /Only 2 .* cannot go below zero/,
      );
      await expect(adjustStock(deps, id, { kind: 'set', stock: -1 }, 'Lost')).rejects.toThrow(
        InvalidInputError,
      );
      expect(await stockOf(id)).toBe(2);
      expect(await db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(0);
    });
  });
}
