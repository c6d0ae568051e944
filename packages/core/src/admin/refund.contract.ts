import { auditLog, type Database, eq, orderItems, orders, refunds } from '@edgecart/db';
import type { RefundRequest } from '@edgecart/payments';
import { describe, expect, it } from 'vitest';
import { applyPaymentEvent } from '../checkout/apply-payment-event.ts';
import { ConflictError, InvalidInputError, UnavailableError } from '../errors.ts';
import { cancelPaidOrder } from '../fulfilment/cancel-order.ts';
import { shipOrder } from '../fulfilment/ship-order.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { placePendingOrder, stockOf as variantStock } from '../testing/fixtures.ts';
import { paidEvent } from '../testing/paid-event.ts';
import { refundIdempotencyKey, refundOrder } from './refund-order.ts';

const origin = 'https://shop.example';

/**
 * A payment provider that records every refund it is asked for and, like
 * Stripe, answers a repeated idempotency key with the refund it made for it.
 * It does not check amounts: what it receives is what the shop let through.
 */
function recordingProvider() {
  const made = new Map<string, { refundId: string; request: RefundRequest }>();
  const calls: RefundRequest[] = [];
  let refuseNext = false;
  return {
    calls,
    /** The refunds made, once per idempotency key. */
    get refunds() {
      return [...made.values()].map((r) => r.request);
    },
    refuseOnce() {
      refuseNext = true;
    },
    async refund(request: RefundRequest) {
      calls.push(request);
      if (refuseNext) {
        refuseNext = false;
        throw new Error('provider unavailable');
      }
      const earlier = made.get(request.idempotencyKey);
      if (earlier) return { refundId: earlier.refundId };
      const refundId = `re_${crypto.randomUUID().replaceAll('-', '')}`;
      made.set(request.idempotencyKey, { refundId, request });
      return { refundId };
    },
  };
}

/** Refunds asked by an admin, on every database driver. */
export function describeRefundContract(driver: string, open: OpenDatabase) {
  describe(`refunds on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });

    const now = new Date('2026-11-24T12:00:00.000Z');
    const eventId = () => `evt_${crypto.randomUUID().replaceAll('-', '')}`;

    /** An order of 3 × 1000 EUR, paid. */
    async function paidOrder() {
      const { order, variantId, slug } = await placePendingOrder(db, () => now, {
        prefix: 'refund',
        title: 'Lamp',
        stock: 10,
        quantity: 3,
      });
      const paymentIntentId = `pi_${slug}`;
      await applyPaymentEvent(
        { db, now, origin },
        paidEvent({
          eventId: eventId(),
          orderId: order.id,
          sessionId: `cs_${slug}`,
          paymentIntentId,
          amount: 3000,
          currency: 'EUR',
          email: null,
        }),
      );
      return { orderId: order.id, variantId, paymentIntentId };
    }
    const orderRow = async (id: string) =>
      (await db.select().from(orders).where(eq(orders.id, id)))[0];
    const stockOf = (id: string) => variantStock(db, id);
    const deps = (provider: ReturnType<typeof recordingProvider>) => ({
      db,
      now,
      actor: 'admin:test',
      payments: provider,
    });
    const ask = (amount: number, restock = false) => ({
      amount,
      restock,
      requestKey: crypto.randomUUID(),
    });
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error: unknown) => {
          if (error instanceof InvalidInputError) return error;
          throw error;
        },
      );

    it('makes two equal partial refunds as two refunds, and refuses a third beyond what was paid', async () => {
      const provider = recordingProvider();
      const { orderId, paymentIntentId } = await paidOrder();
      const first = await refundOrder(deps(provider), orderId, ask(1200));
      const second = await refundOrder(deps(provider), orderId, ask(1200));
      expect(second.refundId).not.toBe(first.refundId);
      expect(provider.refunds).toEqual([
        expect.objectContaining({ orderId, paymentIntentId, amount: 1200 }),
        expect.objectContaining({ orderId, paymentIntentId, amount: 1200 }),
      ]);
      const keys = provider.refunds.map((r) => r.idempotencyKey);
      expect(new Set(keys).size).toBe(2);
      // Neither event has landed: what was asked for counts.
      expect(await orderRow(orderId)).toMatchObject({
        amountRefunded: 0,
        amountRefundRequested: 2400,
      });
      const third = await refusal(refundOrder(deps(provider), orderId, ask(1200)));
      expect(third?.message).toBe(
        'At most 600 is left to refund (EUR minor units), counting refunds asked for and not yet confirmed.',
      );
      expect(third?.field).toBe('amount');
      expect(provider.calls).toHaveLength(2);
      // The rest is still refundable, and then nothing is.
      await refundOrder(deps(provider), orderId, ask(600));
      expect((await refusal(refundOrder(deps(provider), orderId, ask(1))))?.message).toMatch(
        /^Nothing is left to refund/,
      );
      expect(provider.refunds.map((r) => r.amount)).toEqual([1200, 1200, 600]);
      const trail = await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, orderId))
        .orderBy(auditLog.id);
      expect(trail.map((t) => t.action)).toEqual([
        'order.placed',
        'order.paid',
        ...Array.from({ length: 3 }, () => ['order.refund_requested', 'order.refund_sent']).flat(),
      ]);
    });

    it('refunds once when one form is sent twice, and refuses the same form with another amount', async () => {
      const provider = recordingProvider();
      const { orderId, variantId } = await paidOrder();
      const stockBefore = await stockOf(variantId);
      const request = ask(1000, true);
      const first = await refundOrder(deps(provider), orderId, request);
      const again = await refundOrder(deps(provider), orderId, request);
      expect(again).toEqual(first);
      expect(first.restocked).toBe(true);
      expect(await stockOf(variantId)).toBe((stockBefore ?? 0) + 3);
      expect(provider.calls).toHaveLength(1);
      expect(provider.calls[0]?.idempotencyKey).toMatch(/^edgecart-refund\/[0-9a-f-]{36}$/);
      expect((await orderRow(orderId))?.amountRefundRequested).toBe(1000);
      const changed = await refusal(
        refundOrder(deps(provider), orderId, { ...request, amount: 999 }),
      );
      expect(changed?.message).toMatch(/already sent with other values: reload the page/);
      expect(provider.calls).toHaveLength(1);
    });

    it('stops counting a refund the provider refused, and sends it again under its own key', async () => {
      const provider = recordingProvider();
      const { orderId } = await paidOrder();
      provider.refuseOnce();
      const request = ask(3000);
      await expect(refundOrder(deps(provider), orderId, request)).rejects.toBeInstanceOf(
        UnavailableError,
      );
      expect((await orderRow(orderId))?.amountRefundRequested).toBe(0);
      const [failed] = await db.select().from(refunds).where(eq(refunds.orderId, orderId));
      expect(failed).toMatchObject({ status: 'failed', amount: 3000 });
      // The same form, tried again: the same request, with the same idempotency key.
      await refundOrder(deps(provider), orderId, request);
      expect(provider.calls.map((c) => c.idempotencyKey)).toEqual([
        refundIdempotencyKey(failed?.id ?? ''),
        refundIdempotencyKey(failed?.id ?? ''),
      ]);
      expect(await orderRow(orderId)).toMatchObject({ amountRefundRequested: 3000 });
      const [sent] = await db.select().from(refunds).where(eq(refunds.orderId, orderId));
      expect(sent).toMatchObject({ status: 'sent', providerRefundId: expect.any(String) });
    });

    it('counts a refund made elsewhere once its event lands', async () => {
      const provider = recordingProvider();
      const { orderId, paymentIntentId } = await paidOrder();
      await applyPaymentEvent(
        { db, now, origin },
        {
          eventId: eventId(),
          kind: 'refunded',
          orderId,
          paymentIntentId,
          amount: 3000,
          amountRefunded: 1000,
          currency: 'EUR',
        },
      );
      await refundOrder(deps(provider), orderId, ask(1500));
      expect((await orderRow(orderId))?.amountRefundRequested).toBe(2500);
      const over = await refusal(refundOrder(deps(provider), orderId, ask(501)));
      expect(over?.message).toMatch(/^At most 500 is left/);
      await refundOrder(deps(provider), orderId, ask(500));
      expect(provider.refunds.map((r) => r.amount)).toEqual([1500, 500]);
    });

    it('never lets concurrent refunds past what was paid', async () => {
      const provider = recordingProvider();
      const { orderId } = await paidOrder();
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () =>
          refundOrder(deps(provider), orderId, ask(1000)).then(
            () => 'made' as const,
            (error: unknown) => {
              if (error instanceof InvalidInputError) return 'refused' as const;
              throw error;
            },
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'made')).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(9);
      expect(provider.calls.map((c) => c.amount)).toEqual([1000, 1000, 1000]);
      expect((await orderRow(orderId))?.amountRefundRequested).toBe(3000);
    });

    it('cancels a paid, unshipped order: a full refund with restock, and nothing can ship after', async () => {
      const provider = recordingProvider();
      const { orderId, variantId, paymentIntentId } = await paidOrder();
      const before = await stockOf(variantId);
      const cancelled = await cancelPaidOrder(deps(provider), orderId, crypto.randomUUID());
      expect(cancelled.restocked).toBe(true);
      expect(provider.refunds).toEqual([
        expect.objectContaining({ orderId, paymentIntentId, amount: 3000 }),
      ]);
      expect(await stockOf(variantId)).toBe((before ?? 0) + 3);
      const [item] = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
      const ship = shipOrder({ ...deps(provider), origin }, orderId, {
        lines: [{ orderItemId: item?.id ?? 0, quantity: 1 }],
        carrier: 'UPS',
        trackingNumber: 'LATE',
      });
      await expect(ship).rejects.toBeInstanceOf(ConflictError);
      await expect(
        cancelPaidOrder(deps(provider), orderId, crypto.randomUUID()),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(provider.refunds).toHaveLength(1);
    });

    it('lets a cancel or a parcel through when both come at once, never both', async () => {
      const provider = recordingProvider();
      for (let round = 0; round < 5; round++) {
        const { orderId } = await paidOrder();
        const [item] = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
        const outcomes = await Promise.allSettled([
          cancelPaidOrder(deps(provider), orderId, crypto.randomUUID()),
          shipOrder({ ...deps(provider), origin }, orderId, {
            lines: [{ orderItemId: item?.id ?? 0, quantity: 1 }],
            carrier: 'UPS',
            trackingNumber: `RACE${round}`,
          }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(ConflictError);
          }
        }
        const order = await orderRow(orderId);
        // Cancelled (a full refund asked) and unshipped, or one item shipped and nothing refunded.
        expect([order?.fulfilmentStatus, order?.amountRefundRequested]).toEqual(
          outcomes[0].status === 'fulfilled' ? ['unfulfilled', 3000] : ['partially_shipped', 0],
        );
      }
    });

    it('refuses to cancel an order once part of it has shipped', async () => {
      const provider = recordingProvider();
      const { orderId } = await paidOrder();
      const [item] = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
      await shipOrder({ ...deps(provider), origin }, orderId, {
        lines: [{ orderItemId: item?.id ?? 0, quantity: 1 }],
        carrier: 'UPS',
        trackingNumber: 'EARLY',
      });
      const refused = cancelPaidOrder(deps(provider), orderId, crypto.randomUUID());
      await expect(refused).rejects.toThrow(/has shipped/);
      expect(provider.refunds).toEqual([]);
    });
  });
}
