import { hashSecret } from '@edgecart/auth';
import {
  auditLog,
  cartItems,
  type Database,
  eq,
  orderItems,
  orders,
  outbox,
  paymentEvents,
  products,
  productVariants,
  users,
} from '@edgecart/db';
import type { PaymentEvent } from '@edgecart/payments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { NotFoundError } from '../errors.ts';
import { getOrderByGuestLink } from '../orders/orders-of-user.ts';
import { placePendingOrder, stockOf as variantStock } from '../testing/fixtures.ts';
import { paidEvent } from '../testing/paid-event.ts';
import { applyPaymentEvent } from './apply-payment-event.ts';
import { placeOrder } from './place-order.ts';

const start = new Date('2026-11-24T12:00:00.000Z');
const origin = 'https://shop.example';

/** All orders in which the items of `list` can come, each once. */
function permutations<T>(list: T[]): T[][] {
  if (list.length <= 1) return [list];
  return list.flatMap((item, i) =>
    permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Applying payment events to orders, on every database driver. */
export function describePaymentEventsContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
) {
  describe(`payment events on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let tick = 0;
    const deps = () => ({ db, now: new Date(start.getTime() + tick++ * 1_000), origin });

    beforeAll(async () => {
      ({ db, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    /** A signed-in shopper's pending order of 2 × 1500 EUR from a variant with 5 in stock. */
    const pendingOrder = () =>
      placePendingOrder(db, () => deps().now, {
        prefix: 'pay',
        price: 1500,
        stock: 5,
        quantity: 2,
      });
    const eventId = () => `evt_${crypto.randomUUID().replaceAll('-', '')}`;
    const paid = (
      orderId: string,
      amount = 3000,
      overrides: Partial<Parameters<typeof paidEvent>[0]> = {},
    ): PaymentEvent =>
      paidEvent({
        eventId: eventId(),
        orderId,
        sessionId: 'cs_test_1',
        paymentIntentId: 'pi_1',
        amount,
        currency: 'EUR',
        email: null,
        ...overrides,
      });
    const expired = (orderId: string): PaymentEvent => ({
      eventId: eventId(),
      kind: 'checkout-expired',
      orderId,
      sessionId: 'cs_test_1',
    });
    const refunded = (orderId: string, amountRefunded: number): PaymentEvent => ({
      eventId: eventId(),
      kind: 'refunded',
      orderId,
      paymentIntentId: 'pi_1',
      amount: 3000,
      amountRefunded,
      currency: 'EUR',
    });
    const orderRow = async (id: string) =>
      (await db.select().from(orders).where(eq(orders.id, id)))[0];
    const stockOf = (id: string) => variantStock(db, id);
    const emailsTo = (to: string) => db.select().from(outbox).where(eq(outbox.to, to));

    it('emails a guest a link to the order that opens it for 90 days, and only with its key', async () => {
      const { order: signedIn, email: accountEmail } = await pendingOrder();
      await applyPaymentEvent(deps(), paid(signedIn.id));
      expect((await emailsTo(accountEmail))[0]?.body).toContain(`/account/orders/${signedIn.id}`);
      expect((await orderRow(signedIn.id))?.guestLinkHash).toBeNull();

      const { order: other } = await pendingOrder();
      const variantId = (
        await db.select().from(orderItems).where(eq(orderItems.orderId, other.id))
      )[0]?.variantId as string;
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId, quantity: 1 },
      );
      const guestOrder = await placeOrder(deps(), { guestToken: newGuestToken }, { email: null });
      const at = deps().now;
      await applyPaymentEvent({ db, now: at, origin }, {
        ...paid(guestOrder.id, 1500),
        email: 'guest@example.com',
      } as PaymentEvent);
      const [mail] = (await emailsTo('guest@example.com')).filter((m) =>
        m.subject.includes(`#${guestOrder.number} `),
      );
      const key = new RegExp(`${origin}/orders/${guestOrder.id}\\?key=([a-z2-7]{32})`).exec(
        mail?.body ?? '',
      )?.[1];
      expect(key).toBeTruthy();
      const row = await orderRow(guestOrder.id);
      expect(row?.guestLinkHash).toBe(hashSecret(key ?? ''));
      const opened = await getOrderByGuestLink(db, guestOrder.id, key ?? '', at);
      expect(opened).toMatchObject({ number: guestOrder.number, status: 'paid', total: 1500 });
      expect(opened).not.toHaveProperty('guestLinkHash');
      const day = 24 * 60 * 60 * 1000;
      await expect(
        getOrderByGuestLink(db, guestOrder.id, key ?? '', new Date(at.getTime() + 89 * day)),
      ).resolves.toMatchObject({ number: guestOrder.number });
      for (const [id, tried, when] of [
        [guestOrder.id, key, new Date(at.getTime() + 91 * day)],
        [guestOrder.id, `${key?.slice(0, -1)}${key?.endsWith('a') ? 'b' : 'a'}`, at],
        [guestOrder.id, '', at],
        [signedIn.id, key, at],
      ] as const) {
        await expect(getOrderByGuestLink(db, id, tried ?? '', when)).rejects.toBeInstanceOf(
          NotFoundError,
        );
      }
    });

    it('marks an order paid once, empties its cart, queues the confirmation and audits it', async () => {
      const { order, variantId, email } = await pendingOrder();
      const event = paid(order.id);
      expect(await applyPaymentEvent(deps(), event)).toBe('paid');
      for (let i = 0; i < 2; i++) expect(await applyPaymentEvent(deps(), event)).toBe('duplicate');
      expect(await orderRow(order.id)).toMatchObject({
        status: 'paid',
        amountPaid: 3000,
        paymentIntentId: 'pi_1',
      });
      expect(await stockOf(variantId)).toBe(3);
      const row = await orderRow(order.id);
      expect(
        await db
          .select()
          .from(cartItems)
          .where(eq(cartItems.cartId, row?.cartId ?? '')),
      ).toEqual([]);
      const mails = await emailsTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(`Your Edgecart order #${order.number} is confirmed`);
      expect(mails[0]?.body).toContain('Total: €30.00');
      const audit = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, order.id))
        .orderBy(auditLog.id);
      expect(audit.map((a) => a.action)).toEqual(['order.placed', 'order.paid']);
      expect(audit[1]).toMatchObject({
        actor: `payment:${event.eventId}`,
        before: { status: 'pending' },
        after: { status: 'paid', amountPaid: 3000 },
      });
    });

    it('flags a payment whose amount or currency differs from the order, never marking it paid', async () => {
      const { order, email } = await pendingOrder();
      // The items' subtotal as priced, and a total that does not add up to it.
      expect(await applyPaymentEvent(deps(), paid(order.id, 2999, { subtotal: 3000 }))).toBe(
        'needs_review',
      );
      const row = await orderRow(order.id);
      expect(row).toMatchObject({ status: 'needs_review', paidAt: null });
      expect(row?.reviewReason).toMatch(/paid 2999 EUR, the order comes to 3000/);
      expect(await emailsTo(email)).toEqual([]);
      expect(await applyPaymentEvent(deps(), paid(order.id))).toBe('no-change');

      const inDollars = await pendingOrder();
      expect(
        await applyPaymentEvent(deps(), paid(inDollars.order.id, 3000, { currency: 'USD' })),
      ).toBe('needs_review');
      expect((await orderRow(inDollars.order.id))?.reviewReason).toMatch(
        /paid 3000 USD, the order is in EUR/,
      );
    });

    it('cancels an expired order and releases its stock; a late expiry never un-pays', async () => {
      const { order, variantId } = await pendingOrder();
      expect(await applyPaymentEvent(deps(), expired(order.id))).toBe('cancelled');
      expect(await stockOf(variantId)).toBe(5);
      expect((await orderRow(order.id))?.status).toBe('cancelled');

      const other = await pendingOrder();
      await applyPaymentEvent(deps(), paid(other.order.id));
      expect(await applyPaymentEvent(deps(), expired(other.order.id))).toBe('no-change');
      expect((await orderRow(other.order.id))?.status).toBe('paid');
      expect(await stockOf(other.variantId)).toBe(3);
    });

    it("takes all of a late payment's stock again or none: a sold-out line leaves every other line's stock as it was", async () => {
      for (const soldOut of [0, 1, 2]) {
        const slug = `late-${crypto.randomUUID().slice(0, 8)}`;
        const [product] = await db
          .insert(products)
          .values({
            slug,
            title: 'Kettle',
            description: 'A kettle.',
            currency: 'EUR',
            requiresShipping: false,
          })
          .returning({ id: products.id });
        const variantIds: string[] = [];
        for (const size of ['S', 'M', 'L']) {
          const [variant] = await db
            .insert(productVariants)
            .values({
              productId: product?.id ?? '',
              sku: `${slug}-${size}`,
              title: size,
              price: 1000,
              currency: 'EUR',
              stock: 4,
            })
            .returning({ id: productVariants.id });
          variantIds.push(variant?.id ?? '');
        }
        const [user] = await db
          .insert(users)
          .values({ email: `${slug}@example.com`, passwordHash: 'x' })
          .returning({ id: users.id });
        const owner = { userId: user?.id ?? '' };
        for (const variantId of variantIds)
          await addToCart(deps(), owner, { variantId, quantity: 2 });
        const order = await placeOrder(deps(), owner, { email: `${slug}@example.com` });
        expect(await applyPaymentEvent(deps(), expired(order.id))).toBe('cancelled');
        // While the order was cancelled, another shopper bought one line out.
        const gone = variantIds[soldOut] ?? '';
        await db.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, gone));
        const before = await Promise.all(variantIds.map(stockOf));
        expect(before).toEqual(variantIds.map((id) => (id === gone ? 1 : 4)));

        expect(await applyPaymentEvent(deps(), paid(order.id, 6000))).toBe('needs_review');
        expect({ soldOut, stock: await Promise.all(variantIds.map(stockOf)) }).toEqual({
          soldOut,
          stock: before,
        });
        const row = await orderRow(order.id);
        expect(row).toMatchObject({ status: 'needs_review', paidAt: null, amountPaid: 6000 });
        expect(row?.reviewReason).toMatch(/the stock is gone/);
        const audit = await db
          .select()
          .from(auditLog)
          .where(eq(auditLog.entityId, order.id))
          .orderBy(auditLog.id);
        expect(audit.map((a) => a.action)).toEqual([
          'order.placed',
          'order.cancelled',
          'order.paid_after_cancel',
        ]);
      }
    });

    it("takes every line of a late payment's stock again when all of it is there", async () => {
      const { order, variantId } = await pendingOrder();
      expect(await applyPaymentEvent(deps(), expired(order.id))).toBe('cancelled');
      expect(await stockOf(variantId)).toBe(5);
      expect(await applyPaymentEvent(deps(), paid(order.id))).toBe('paid');
      expect(await stockOf(variantId)).toBe(3);
      expect(await orderRow(order.id)).toMatchObject({ status: 'paid', stockReleasedAt: null });
    });

    it('acknowledges events for no order of ours, recording why', async () => {
      const stray = paid(crypto.randomUUID());
      expect(await applyPaymentEvent(deps(), stray)).toBe('ignored');
      const other: PaymentEvent = { eventId: eventId(), kind: 'ignored', type: 'customer.created' };
      expect(await applyPaymentEvent(deps(), other)).toBe('ignored');
      const rows = await db.select().from(paymentEvents).where(eq(paymentEvents.id, stray.eventId));
      expect(rows[0]?.outcome).toBe('ignored: no such order');
    });

    it('ends in the same state whatever order and however often paid, expired and a partial refund arrive', async () => {
      const events = (orderId: string) => [
        paid(orderId),
        expired(orderId),
        refunded(orderId, 1000),
      ];
      for (const order of permutations([0, 1, 2])) {
        const placed = await pendingOrder();
        const list = events(placed.order.id);
        for (let round = 0; round < 3; round++) {
          for (const i of order) await applyPaymentEvent(deps(), list[i] as PaymentEvent);
        }
        const row = await orderRow(placed.order.id);
        expect({
          order,
          status: row?.status,
          paid: row?.amountPaid,
          refunded: row?.amountRefunded,
        }).toEqual({
          order,
          status: 'partially_refunded',
          paid: 3000,
          refunded: 1000,
        });
        expect(await stockOf(placed.variantId)).toBe(3);
        expect(await emailsTo(placed.email)).toHaveLength(1);
        expect(await db.$count(paymentEvents, eq(paymentEvents.orderId, placed.order.id))).toBe(3);
      }
    });

    it('turns a full refund into refunded, and keeps the largest refunded amount seen', async () => {
      const { order } = await pendingOrder();
      await applyPaymentEvent(deps(), paid(order.id));
      await applyPaymentEvent(deps(), refunded(order.id, 3000));
      expect(await applyPaymentEvent(deps(), refunded(order.id, 1000))).toBe('no-change');
      expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', amountRefunded: 3000 });
    });
  });
}
