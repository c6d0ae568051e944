import { asc, auditLog, type Database, eq, orderItems, orders, outbox, sql } from '@edgecart/db';
import { describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { placeOrder } from '../checkout/place-order.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { insertShopper, insertVariant } from '../testing/fixtures.ts';
import { markDelivered, shipmentsOf, shipOrder } from './ship-order.ts';

/** Shipping a paid order's items, on every database driver. */
export function describeShipOrderContract(driver: string, open: OpenDatabase) {
  describe(`shipping orders on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });
    const deps = () => ({
      db,
      now: new Date(),
      actor: 'admin:ships',
      origin: 'https://shop.example.com',
    });

    /** A paid order of these quantities, one variant each; answers it with its items. */
    async function paidOrder(prefix: string, quantities: number[]) {
      const email = `${prefix}-${crypto.randomUUID()}@example.com`;
      const owner = await insertShopper(db, email);
      for (const [i, quantity] of quantities.entries()) {
        const { variantId } = await insertVariant(db, { prefix: `${prefix}-${i}`, stock: 50 });
        await addToCart({ db, now: new Date() }, owner, { variantId, quantity });
      }
      const { id: orderId } = await placeOrder({ db, now: new Date() }, owner, { email });
      // Paid as the webhook would mark it: the whole total, through a payment intent.
      await db
        .update(orders)
        .set({ status: 'paid', amountPaid: sql`${orders.total}`, paymentIntentId: `pi_${orderId}` })
        .where(eq(orders.id, orderId));
      const items = await db
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, orderId))
        .orderBy(asc(orderItems.id));
      return { orderId, items, email };
    }

    it('ships part of an order, then the rest, with tracking links, emails and audit rows', async () => {
      const { orderId, items, email } = await paidOrder('ship-two', [2, 1]);
      const first = items.find((i) => i.quantity === 2);
      const second = items.find((i) => i.quantity === 1);
      if (!first || !second) throw new Error('two items expected');
      const one = await shipOrder(deps(), orderId, {
        lines: [{ orderItemId: first.id, quantity: 2 }],
        carrier: 'UPS',
        trackingNumber: '1Z 999',
      });
      expect(one).toMatchObject({
        fulfilmentStatus: 'partially_shipped',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z%20999',
      });
      const two = await shipOrder(deps(), orderId, {
        lines: [{ orderItemId: second.id, quantity: 1 }],
        carrier: 'Local courier',
        trackingNumber: 'LC-7',
      });
      expect(two).toMatchObject({ fulfilmentStatus: 'shipped', trackingUrl: null });

      const list = await shipmentsOf(db, orderId);
      expect(list.map((s) => [s.carrier, s.lines.map((l) => [l.sku, l.quantity])])).toEqual([
        ['UPS', [[first.sku, 2]]],
        ['Local courier', [[second.sku, 1]]],
      ]);
      const mail = await db.select().from(outbox).where(eq(outbox.to, email));
      const shippedMail = mail.filter((m) => m.kind === 'order-shipped');
      expect(shippedMail).toHaveLength(2);
      expect(shippedMail[0]?.body).toContain(
        'Track it: https://www.ups.com/track?tracknum=1Z%20999',
      );

      expect((await markDelivered(deps(), one.shipmentId)).fulfilmentStatus).toBe('shipped');
      expect((await markDelivered(deps(), two.shipmentId)).fulfilmentStatus).toBe('delivered');
      expect((await markDelivered(deps(), two.shipmentId)).fulfilmentStatus).toBe('delivered');
      const trail = await db.select().from(auditLog).where(eq(auditLog.entityId, orderId));
      expect(trail.map((r) => r.action).filter((a) => a !== 'order.place')).toEqual(
        expect.arrayContaining(['order.ship', 'order.ship', 'order.delivered']),
      );
    });

    it('20 shipments at once for an order of 10 units ship exactly 10, one audit row each', async () => {
      const { orderId, items } = await paidOrder('ship-race', [10]);
      const item = items[0];
      if (!item) throw new Error('one item expected');
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          shipOrder(deps(), orderId, {
            lines: [{ orderItemId: item.id, quantity: 1 }],
            carrier: 'DHL',
            trackingNumber: `RACE-${i}`,
          }).then(
            () => 'shipped' as const,
            (error: unknown) => {
              if (error instanceof InvalidInputError) return 'refused' as const;
              throw error;
            },
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'shipped')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(10);
      const shipped = (await shipmentsOf(db, orderId)).flatMap((s) => s.lines);
      expect(shipped.reduce((sum, line) => sum + line.quantity, 0)).toBe(10);
      const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, orderId));
      expect(audits.filter((r) => r.action === 'order.ship')).toHaveLength(10);
      const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
      expect(row?.fulfilmentStatus).toBe('shipped');
    });

    it('refuses what cannot ship, changing nothing', async () => {
      const { orderId, items } = await paidOrder('ship-refused', [3]);
      const item = items[0];
      if (!item) throw new Error('one item expected');
      const refusal = (work: Promise<unknown>) => work.catch((e: unknown) => e);
      const line = { orderItemId: item.id, quantity: 1 };
      const base = { lines: [line], carrier: 'UPS', trackingNumber: 'X1' };
      const more = await refusal(
        shipOrder(deps(), orderId, { ...base, lines: [{ ...line, quantity: 4 }] }),
      );
      expect(more).toBeInstanceOf(InvalidInputError);
      expect((more as Error).message).toBe(`Only 3 of ${item.sku} are left to ship.`);
      expect(await refusal(shipOrder(deps(), orderId, { ...base, carrier: ' ' }))).toBeInstanceOf(
        InvalidInputError,
      );
      expect(await refusal(shipOrder(deps(), orderId, { ...base, lines: [] }))).toBeInstanceOf(
        InvalidInputError,
      );
      expect(
        await refusal(
          shipOrder(deps(), orderId, { ...base, lines: [{ orderItemId: -1, quantity: 1 }] }),
        ),
      ).toBeInstanceOf(InvalidInputError);
      await db.update(orders).set({ status: 'pending' }).where(eq(orders.id, orderId));
      expect(await refusal(shipOrder(deps(), orderId, base))).toBeInstanceOf(ConflictError);
      expect(await shipmentsOf(db, orderId)).toEqual([]);
    });
  });
}
