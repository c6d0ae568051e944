import { eq, orders, outbox, paymentEvents, sql } from '@edgecart/db';
import type { PaymentEvent } from '@edgecart/payments';
import { describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { insertShopper, insertVariant } from '../testing/fixtures.ts';
import { paidEvent } from '../testing/paid-event.ts';
import { openNeonPostgres } from '../testing/postgres.ts';
import { applyPaymentEvent } from './apply-payment-event.ts';
import { describePaymentEventsContract } from './payment-events.contract.ts';
import { placeOrder } from './place-order.ts';

describePaymentEventsContract(
  'PostgreSQL through the Worker path (HTTP reads, WebSocket transactions)',
  () => openNeonPostgres({ path: 'request' }),
);

describe('a payment event while PostgreSQL is down', () => {
  it('fails without a trace, then applies once when it is redelivered after the restart', async () => {
    const { db, close, postgres } = await openNeonPostgres({ path: 'request' });
    try {
      const now = new Date('2026-11-24T12:00:00.000Z');
      const { variantId } = await insertVariant(db, { prefix: 'outage', stock: 3, price: 1500 });
      const owner = await insertShopper(db, 'outage@example.com');
      await addToCart({ db, now }, owner, { variantId, quantity: 1 });
      const order = await placeOrder({ db, now }, owner, { email: 'outage@example.com' });
      const event: PaymentEvent = paidEvent({
        eventId: 'evt_outage',
        orderId: order.id,
        sessionId: 'cs_test_outage',
        paymentIntentId: 'pi_outage',
        amount: 1500,
        currency: 'EUR',
        email: null,
      });
      const deps = { db, now, origin: 'https://shop.example' };
      // The test server runs with synchronous_commit off: flush before the crash.
      await db.execute(sql`checkpoint`);
      postgres.pause();
      try {
        await expect(applyPaymentEvent(deps, event)).rejects.toThrow();
      } finally {
        postgres.resume();
      }
      for (let i = 0; i < 40; i++) {
        try {
          await db.select().from(orders).limit(1);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(await db.$count(paymentEvents)).toBe(0);
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]?.status).toBe(
        'pending',
      );
      expect(await applyPaymentEvent(deps, event)).toBe('paid');
      expect(await applyPaymentEvent(deps, event)).toBe('duplicate');
      expect(await db.$count(outbox, eq(outbox.kind, 'order-confirmation'))).toBe(1);
    } finally {
      await close();
    }
  });
});
