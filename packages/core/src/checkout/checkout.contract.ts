import {
  and,
  auditLog,
  cartItems,
  carts,
  type Database,
  eq,
  orderItems,
  orders,
  products,
  productVariants,
  users,
} from '@edgecart/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { readCart } from '../cart/read-cart.ts';
import { InvalidInputError } from '../errors.ts';
import { CART_LINES_MAX, CART_UNITS_MAX, HELD_UNITS_MAX } from '../limits.ts';
import { sweepExpiredOrders } from '../orders/sweep-expired-orders.ts';
import { insertProduct, stockOf as variantStock } from '../testing/fixtures.ts';
import { applyPaymentEvent } from './apply-payment-event.ts';
import { cancelPendingOrder } from './order-lifecycle.ts';
import { ORDER_HOLD_MS, placeOrder, storedClientKey } from './place-order.ts';
import { releaseOrderStock } from './release-stock.ts';
import { cancelCheckout } from './start-checkout.ts';

const start = new Date('2026-11-24T12:00:00.000Z');

/** Placing orders from carts, and releasing their stock, on every database driver. */
export function describeCheckoutContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
  options: {
    /** Whether many transactions can run at once (a pool of connections): the overselling test. */
    concurrentTransactions: boolean;
  },
) {
  const { concurrentTransactions } = options;
  describe(`checkout on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let tick = 0;
    const deps = () => ({ db, now: new Date(start.getTime() + tick++ * 1_000) });

    beforeAll(async () => {
      ({ db, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    async function variants(stocks: number[], prices = stocks.map((_, i) => 1000 * (i + 1))) {
      const { productId, variantIds } = await insertProduct(db, {
        prefix: 'checkout',
        noun: 'Tent',
        variants: stocks.map((stock, i) => ({ stock, price: prices[i] ?? 1000 })),
      });
      return { productId, ids: variantIds };
    }
    async function shopper() {
      const [user] = await db
        .insert(users)
        .values({ email: `buyer-${crypto.randomUUID()}@example.com`, passwordHash: 'x' })
        .returning({ id: users.id });
      if (!user) throw new Error('no user');
      return { userId: user.id };
    }
    const stockOf = (id: string) => variantStock(db, id);
    const ordersOf = (userId: string) => db.select().from(orders).where(eq(orders.userId, userId));
    async function refusal(promise: Promise<unknown>) {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as Error).message;
    }

    it('reserves stock and copies titles, skus and prices into a pending order, with an audit row', async () => {
      const { ids } = await variants([5, 2], [1250, 3000]);
      const [a = '', b = ''] = ids;
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId: a, quantity: 2 });
      await addToCart(deps(), owner, { variantId: b, quantity: 2 });
      const now = new Date(start.getTime() + 60_000);
      const order = await placeOrder({ db, now }, owner, { email: 'ann@example.com' });
      expect(order).toMatchObject({
        currency: 'EUR',
        total: 2 * 1250 + 2 * 3000,
        email: 'ann@example.com',
      });
      expect(order.expiresAt).toEqual(new Date(now.getTime() + ORDER_HOLD_MS));
      expect(await stockOf(a)).toBe(3);
      expect(await stockOf(b)).toBe(0);
      const [row] = await ordersOf(owner.userId);
      expect(row).toMatchObject({ status: 'pending', subtotal: 8500, total: 8500, amountPaid: 0 });
      const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
      expect(
        items.map((i) => [i.sku.endsWith('-0') ? 'a' : 'b', i.unitPrice, i.quantity]).sort(),
      ).toEqual([
        ['a', 1250, 2],
        ['b', 3000, 2],
      ]);
      // A later price change leaves the order as it was bought.
      await db.update(productVariants).set({ price: 1 }).where(eq(productVariants.id, a));
      expect(
        (await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)))
          .map((i) => i.unitPrice)
          .sort(),
      ).toEqual([1250, 3000]);
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, order.id));
      expect(audit).toMatchObject([
        {
          actor: `user:${owner.userId}`,
          action: 'order.placed',
          entityType: 'order',
          after: { status: 'pending', total: 8500 },
        },
      ]);
    });

    it('reserves nothing when one line cannot be had, and says which and how many are left', async () => {
      const { ids } = await variants([5, 3]);
      const [a = '', b = ''] = ids;
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId: a, quantity: 2 });
      await addToCart(deps(), owner, { variantId: b, quantity: 3 });
      await db.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, b));
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toMatch(
        /^Only 1 of "Tent .*" \(Size 1\) left/,
      );
      expect(await stockOf(a)).toBe(5);
      expect(await stockOf(b)).toBe(1);
      expect(await ordersOf(owner.userId)).toEqual([]);
      await db.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, b));
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toMatch(
        /has just sold out/,
      );
    });

    it('refuses an empty cart, and a cart with a product no longer sold', async () => {
      const owner = await shopper();
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toBe('Your cart is empty.');
      expect(await refusal(placeOrder(deps(), { guestToken: null }, { email: null }))).toBe(
        'Your cart is empty.',
      );
      const { productId, ids } = await variants([5]);
      await addToCart(deps(), owner, { variantId: ids[0] ?? '', quantity: 1 });
      await db.update(products).set({ status: 'archived' }).where(eq(products.id, productId));
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toMatch(/no longer sold/);
      expect(await stockOf(ids[0] ?? '')).toBe(5);
    });

    it('keeps the cart until the order is paid, and puts reserved stock back once only', async () => {
      const { ids } = await variants([4]);
      const variantId = ids[0] ?? '';
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId, quantity: 3 });
      const order = await placeOrder(deps(), owner, { email: null });
      expect((await readCart(db, owner)).itemCount).toBe(3);
      expect(await stockOf(variantId)).toBe(1);
      expect(await releaseOrderStock(db, order.id, start)).toBe(true);
      expect(await releaseOrderStock(db, order.id, start)).toBe(false);
      expect(await stockOf(variantId)).toBe(4);
    });

    it('says a checkout the shopper came back from is closed when its expiry event cancelled it first', async () => {
      const { ids } = await variants([4]);
      const variantId = ids[0] ?? '';
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId, quantity: 3 });
      const order = await placeOrder(deps(), owner, { email: null });
      const sessionId = `cs_test_${order.id}`;
      await db.update(orders).set({ checkoutSessionId: sessionId }).where(eq(orders.id, order.id));
      const payments = {
        // As Stripe does: closing the page sends its expiry event, here before the reply.
        expireCheckout: async () => {
          const expired = { eventId: `evt_${order.id}`, kind: 'checkout-expired' as const };
          await applyPaymentEvent(
            { db, now: start, origin: 'https://shop.example' },
            { ...expired, orderId: order.id, sessionId },
          );
          return 'closed' as const;
        },
      };
      expect(await cancelCheckout({ db, clock: () => start, payments }, owner, order.id)).toBe(
        'cancelled',
      );
      expect(await stockOf(variantId)).toBe(4);
      expect(await cancelCheckout({ db, clock: () => start, payments }, owner, order.id)).toBe(
        'none',
      );
    });

    it('sweeps pending orders past their hold: the page closed, the order cancelled, the stock back', async () => {
      const { ids } = await variants([6]);
      const variantId = ids[0] ?? '';
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId, quantity: 2 });
      const placedAt = new Date(start.getTime() + 10_000_000);
      const order = await placeOrder({ db, now: placedAt }, owner, { email: null });
      await db
        .update(orders)
        .set({ checkoutSessionId: `cs_test_${order.id}` })
        .where(eq(orders.id, order.id));
      const closed: string[] = [];
      const closePage = async (sessionId: string) => {
        closed.push(sessionId);
        return 'closed' as const;
      };
      const early = await sweepExpiredOrders(
        { db, now: new Date(placedAt.getTime() + ORDER_HOLD_MS - 1) },
        closePage,
      );
      expect(early.cancelled).not.toContain(order.id);
      const late = new Date(placedAt.getTime() + ORDER_HOLD_MS + 1);
      const swept = await sweepExpiredOrders({ db, now: late }, closePage);
      expect(swept.cancelled).toContain(order.id);
      expect(closed).toContain(`cs_test_${order.id}`);
      expect(await stockOf(variantId)).toBe(6);
      expect((await ordersOf(owner.userId))[0]?.status).toBe('cancelled');
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, order.id));
      expect(audit.map((a) => [a.actor, a.action])).toContainEqual(['sweeper', 'order.expired']);
      expect((await sweepExpiredOrders({ db, now: late }, closePage)).cancelled).not.toContain(
        order.id,
      );
    });

    /** A fresh guest cart (a new cookie) holding `quantity` of a variant. */
    async function guestCart(variantId: string, quantity: number) {
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId, quantity },
      );
      return { guestToken: newGuestToken };
    }
    /** Units held in pending orders placed from an address key. */
    async function heldFrom(clientKey: string) {
      const rows = await db
        .select({ quantity: orderItems.quantity })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(eq(orders.clientKey, storedClientKey(clientKey)), eq(orders.status, 'pending')));
      return rows.reduce((sum, row) => sum + row.quantity, 0);
    }

    it('refuses a client that checks out fresh guest carts past HELD_UNITS_MAX units, while another shopper still buys', async () => {
      const perCart = 50;
      const hoards = Math.floor(HELD_UNITS_MAX / perCart);
      const { ids } = await variants([perCart * hoards + 65]);
      const variantId = ids[0] ?? '';
      const hoarder = `2001:db8:${crypto.randomUUID().slice(0, 4)}:1::/64`;
      for (let i = 0; i < hoards; i++) {
        await placeOrder({ ...deps(), clientKey: hoarder }, await guestCart(variantId, perCart), {
          email: null,
        });
      }
      expect(await heldFrom(hoarder)).toBe(hoards * perCart);
      const next = await guestCart(variantId, perCart);
      expect(
        await refusal(placeOrder({ ...deps(), clientKey: hoarder }, next, { email: null })),
      ).toBe(
        `You already have ${hoards * perCart} items waiting in unpaid checkouts: pay for or cancel one first.`,
      );
      // Signed in, from the same address: the same client.
      const account = await shopper();
      await addToCart(deps(), account, { variantId, quantity: 1 });
      expect(
        await refusal(placeOrder({ ...deps(), clientKey: hoarder }, account, { email: null })),
      ).toMatch(/^You already have \d+ items waiting in unpaid checkouts/);
      expect(await stockOf(variantId)).toBe(65);

      // Anyone else still buys, as a guest or signed in, even all that is left.
      const neighbour = await guestCart(variantId, 5);
      await placeOrder({ ...deps(), clientKey: '198.51.100.77' }, neighbour, { email: null });
      const buyer = await shopper();
      await addToCart(deps(), buyer, { variantId, quantity: 60 });
      await placeOrder({ ...deps(), clientKey: '198.51.100.78' }, buyer, { email: null });
      expect(await stockOf(variantId)).toBe(0);

      // Once one of its checkouts is cancelled (or paid, or expired), the client can check out again.
      const [held] = await db
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.clientKey, storedClientKey(hoarder)));
      await cancelPendingOrder(deps(), held?.id ?? '', 'checkout');
      await placeOrder({ ...deps(), clientKey: hoarder }, next, { email: null });
      expect(await heldFrom(hoarder)).toBe(hoards * perCart);
      // The address is never stored, only its hash.
      const keys = await db.select({ key: orders.clientKey }).from(orders);
      expect(keys.map((k) => k.key).filter((k) => k?.includes(':'))).toEqual([]);
    });

    it('says how much a client may still check out when an order would pass HELD_UNITS_MAX', async () => {
      const { ids } = await variants([HELD_UNITS_MAX + 50]);
      const variantId = ids[0] ?? '';
      const client = `203.0.113.${crypto.randomUUID()}`;
      const first = HELD_UNITS_MAX - 40;
      let placed = 0;
      while (placed < first) {
        const quantity = Math.min(99, first - placed);
        await placeOrder({ ...deps(), clientKey: client }, await guestCart(variantId, quantity), {
          email: null,
        });
        placed += quantity;
      }
      const over = await guestCart(variantId, 41);
      expect(
        await refusal(placeOrder({ ...deps(), clientKey: client }, over, { email: null })),
      ).toBe(
        `You already have ${first} items waiting in unpaid checkouts, and at most ${HELD_UNITS_MAX} can wait at once: pay for or cancel one first, or check out at most 40 items.`,
      );
      await placeOrder({ ...deps(), clientKey: client }, await guestCart(variantId, 40), {
        email: null,
      });
      expect(await heldFrom(client)).toBe(HELD_UNITS_MAX);
    });

    it('refuses a cart past the most lines or units (filled before the limits), reserving nothing', async () => {
      const { ids } = await variants(Array.from({ length: CART_LINES_MAX + 1 }, () => 99));
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId: ids[0] ?? '', quantity: 1 });
      const [cart] = await db
        .select({ id: carts.id })
        .from(carts)
        .where(eq(carts.userId, owner.userId));
      const cartId = cart?.id ?? '';
      await db
        .insert(cartItems)
        .values(
          ids.slice(1).map((variantId) => ({ cartId, variantId, quantity: 1, addedAt: start })),
        );
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toBe(
        `A cart holds at most ${CART_LINES_MAX} different items: remove 1 to check out.`,
      );
      await db
        .delete(cartItems)
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, ids[1] ?? '')));
      await db.update(cartItems).set({ quantity: 99 }).where(eq(cartItems.cartId, cartId));
      expect(await refusal(placeOrder(deps(), owner, { email: null }))).toBe(
        `A cart holds at most ${CART_UNITS_MAX} items in all: remove ${99 * CART_LINES_MAX - CART_UNITS_MAX} to check out.`,
      );
      for (const id of ids) expect(await stockOf(id)).toBe(99);
      expect(await ordersOf(owner.userId)).toEqual([]);
    });

    if (!concurrentTransactions) return;

    it('never lets one client hold more than HELD_UNITS_MAX: 20 concurrent checkouts from one address', async () => {
      const perCart = 40;
      const { ids } = await variants([perCart * 20, 100]);
      const [variantId = '', other = ''] = ids;
      const client = `2001:db8:${crypto.randomUUID().slice(0, 4)}:2::/64`;
      const hoard = await Promise.all(
        Array.from({ length: 20 }, () => guestCart(variantId, perCart)),
      );
      const others = await Promise.all(Array.from({ length: 5 }, () => guestCart(other, 1)));
      const outcomes = await Promise.allSettled([
        ...hoard.map((owner) =>
          placeOrder({ ...deps(), clientKey: client }, owner, { email: null }),
        ),
        ...others.map((owner, i) =>
          placeOrder({ ...deps(), clientKey: `198.51.100.${i}` }, owner, { email: null }),
        ),
      ]);
      const mine = outcomes.slice(0, 20);
      const allowed = Math.floor(HELD_UNITS_MAX / perCart);
      expect(mine.filter((o) => o.status === 'fulfilled')).toHaveLength(allowed);
      for (const o of mine) {
        if (o.status === 'rejected') {
          expect(o.reason).toBeInstanceOf(InvalidInputError);
          expect((o.reason as Error).message).toMatch(/^You already have \d+ items waiting/);
        }
      }
      expect(outcomes.slice(20).filter((o) => o.status === 'rejected')).toEqual([]);
      expect(await heldFrom(client)).toBe(allowed * perCart);
      expect(await stockOf(variantId)).toBe(perCart * (20 - allowed));
      expect(await stockOf(other)).toBe(95);
    });

    it('never oversells: 100 concurrent checkouts of a variant with 7 in stock make 7 orders', async () => {
      const { ids } = await variants([7]);
      const variantId = ids[0] ?? '';
      const owners = await Promise.all(Array.from({ length: 100 }, shopper));
      for (const owner of owners) await addToCart(deps(), owner, { variantId, quantity: 1 });
      const outcomes = await Promise.allSettled(
        owners.map((owner) => placeOrder(deps(), owner, { email: null })),
      );
      const placed = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(placed).toHaveLength(7);
      expect(refused).toHaveLength(93);
      for (const error of refused) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as Error).message).toMatch(/has just sold out/);
      }
      expect(await stockOf(variantId)).toBe(0);
      const pending = await db.$count(orderItems, eq(orderItems.variantId, variantId));
      expect(pending).toBe(7);
    });

    it('holds stock once when one cart checks out 10 times at once (a double submit, tabs)', async () => {
      const { ids } = await variants([10]);
      const variantId = ids[0] ?? '';
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId, quantity: 3 });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => placeOrder(deps(), owner, { email: null })),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(await stockOf(variantId)).toBe(7);
      const statuses = (await ordersOf(owner.userId)).map((o) => o.status).sort();
      expect(statuses).toEqual([...Array(9).fill('cancelled'), 'pending']);
    });

    it('never deadlocks when carts hold the same variants in another order', async () => {
      const { ids } = await variants([50, 50]);
      const [a = '', b = ''] = ids;
      const owners = await Promise.all(Array.from({ length: 20 }, shopper));
      for (const [i, owner] of owners.entries()) {
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        await addToCart(deps(), owner, { variantId: first, quantity: 1 });
        await addToCart(deps(), owner, { variantId: second, quantity: 1 });
      }
      const outcomes = await Promise.allSettled(
        owners.map((owner) => placeOrder(deps(), owner, { email: null })),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect([await stockOf(a), await stockOf(b)]).toEqual([30, 30]);
    });
  });
}
