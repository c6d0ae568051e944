import {
  and,
  collections,
  type Database,
  eq,
  orders,
  productCollections,
  promotionRedemptions,
  promotions,
} from '@edgecart/db';
import { describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import type { CartOwner } from '../cart/owner.ts';
import { readCart } from '../cart/read-cart.ts';
import { applyPaymentEvent } from '../checkout/apply-payment-event.ts';
import { cancelPendingOrder } from '../checkout/order-lifecycle.ts';
import { placeOrder } from '../checkout/place-order.ts';
import { InvalidInputError } from '../errors.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { insertShopper, insertVariant, stockOf } from '../testing/fixtures.ts';
import { paidEvent } from '../testing/paid-event.ts';
import { listPromotions, type PromotionInput, savePromotion } from './admin-promotions.ts';
import { applyDiscountCode, removeDiscountCode } from './cart-discount.ts';

/**
 * Discount codes from the cart to the payment, on every database driver:
 * each refusal, the uses counted exactly under many concurrent checkouts,
 * once per customer under a race, given back by an expiry and kept by a
 * payment and a refund.
 */
export function describePromotionsContract(driver: string, open: OpenDatabase) {
  describe(`promotions on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });
    const now = () => new Date();
    const deps = () => ({ db, now: now() });
    const admin = () => ({ db, now: now(), actor: 'admin:test' });
    const code = () => `T${crypto.randomUUID().slice(0, 8)}`;
    const promote = (input: PromotionInput) => savePromotion(admin(), input);
    let n = 0;
    const shopper = async () =>
      insertShopper(db, `promo-${n++}-${crypto.randomUUID()}@example.com`);

    async function refusal(promise: Promise<unknown>): Promise<string> {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as Error).message;
    }

    /** A shopper with `quantity` of the variant in their cart and `discount` applied. */
    async function cartWith(variantId: string, discount: string | null, quantity = 1) {
      const owner: CartOwner = await shopper();
      await addToCart(deps(), owner, { variantId, quantity });
      if (discount) await applyDiscountCode(deps(), owner, { code: discount });
      return owner;
    }

    const usesOf = async (id: string) => {
      const [row] = await db
        .select({ timesUsed: promotions.timesUsed })
        .from(promotions)
        .where(eq(promotions.id, id));
      return row?.timesUsed;
    };
    const heldBy = (promotionId: string) =>
      db.$count(
        promotionRedemptions,
        and(
          eq(promotionRedemptions.promotionId, promotionId),
          eq(promotionRedemptions.status, 'held'),
        ),
      );

    it('refuses a code with the reason a shopper can act on, and keeps the cart as it was', async () => {
      const { variantId, productId } = await insertVariant(db, {
        prefix: 'promo',
        stock: 50,
        price: 4000,
      });
      const owner = await cartWith(variantId, null);
      const tryCode = (c: string) => refusal(applyDiscountCode(deps(), owner, { code: c }));
      expect(await tryCode('NOSUCH1')).toBe(
        'The code NOSUCH1 is not a discount code of this shop: check the spelling.',
      );
      const later = code();
      await promote({ code: later, percentOff: 10, startsAt: new Date('2099-01-01T00:00:00Z') });
      expect(await tryCode(later)).toBe(`The code ${later} starts on Jan 1, 2099.`);
      const past = code();
      await promote({
        code: past,
        percentOff: 10,
        startsAt: new Date('2020-01-01T00:00:00Z'),
        endsAt: new Date('2020-02-01T00:00:00Z'),
      });
      expect(await tryCode(past)).toBe(`The code ${past} expired on Feb 1, 2020.`);
      const usd = code();
      await promote({ code: usd, amountOff: 500, currency: 'USD' });
      expect(await tryCode(usd)).toBe(`The code ${usd} is for orders in USD only.`);
      const big = code();
      await promote({ code: big, percentOff: 10, minSubtotal: 10_000, currency: 'EUR' });
      expect(await tryCode(big)).toMatch(/needs a subtotal of at least €100\.00: add €60\.00 more/);
      const other = await insertVariant(db, { prefix: 'promo-other', stock: 5 });
      const elsewhere = code();
      await promote({ code: elsewhere, percentOff: 10, products: [other.productId] });
      expect(await tryCode(elsewhere)).toBe(
        `The code ${elsewhere} does not apply to anything in your cart.`,
      );
      const gone = code();
      const spent = await promote({ code: gone, percentOff: 10, usageLimit: 1 });
      await placeOrder(deps(), await cartWith(variantId, gone), { email: null });
      expect(await usesOf(spent.id)).toBe(1);
      expect(await tryCode(gone)).toBe(`The code ${gone} has been used up.`);
      // Refused: the cart has no code, and reads at full price.
      const cart = await readCart(db, owner);
      expect(cart.discount).toBeNull();
      expect(cart.total?.amount).toBe(4000);
      // A code for this very product, typed in another case, applies.
      const mine = code();
      await promote({ code: mine, percentOff: 25, products: [productId] });
      const applied = await applyDiscountCode(deps(), owner, { code: mine.toLowerCase() });
      expect(applied.discount?.code).toBe(mine);
      expect(applied.discount?.amount.amount).toBe(1000);
      expect(applied.total?.amount).toBe(3000);
      await removeDiscountCode(deps(), owner);
      expect((await readCart(db, owner)).total?.amount).toBe(4000);
    });

    it('takes a percentage off a collection only, and the order carries it', async () => {
      const lamp = await insertVariant(db, { prefix: 'promo-lamp', stock: 10, price: 2_999 });
      const tent = await insertVariant(db, { prefix: 'promo-tent', stock: 10, price: 10_000 });
      const [lights] = await db
        .insert(collections)
        .values({ slug: `lights-${crypto.randomUUID().slice(0, 8)}`, title: 'Lights' })
        .returning({ id: collections.id });
      await db
        .insert(productCollections)
        .values({ productId: lamp.productId, collectionId: lights?.id ?? '' });
      const c = code();
      await promote({ code: c, percentOff: 15, collections: [lights?.id ?? ''] });
      const owner = await shopper();
      await addToCart(deps(), owner, { variantId: lamp.variantId, quantity: 3 });
      await addToCart(deps(), owner, { variantId: tent.variantId, quantity: 1 });
      const cart = await applyDiscountCode(deps(), owner, { code: c });
      // 15% of 3 × 29.99 = 13.4955 → 13.50; the tent is not in the collection.
      expect(cart.discount?.amount.amount).toBe(1350);
      expect(cart.total?.amount).toBe(8997 + 10_000 - 1350);
      const order = await placeOrder(deps(), owner, { email: null });
      expect(order.discount).toEqual({ amount: 1350, label: c });
      expect(order.total).toBe(8997 + 10_000 - 1350);
    });

    it('never over-redeems: 100 concurrent checkouts of a code limited to 10 make 10 orders', async () => {
      const { variantId } = await insertVariant(db, {
        prefix: 'promo-race',
        stock: 500,
        price: 2000,
      });
      const c = code();
      const promotion = await promote({ code: c, percentOff: 20, usageLimit: 10 });
      const owners = [];
      for (let i = 0; i < 100; i++) owners.push(await cartWith(variantId, c));
      const outcomes = await Promise.allSettled(
        owners.map((owner) => placeOrder(deps(), owner, { email: null })),
      );
      const placed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(placed).toHaveLength(10);
      expect(refused).toHaveLength(90);
      for (const error of refused) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as Error).message).toMatch(/used up/);
      }
      for (const order of placed) expect(order.discount?.amount).toBe(400);
      // The refused hold no stock: only the 10 orders took theirs.
      expect(await stockOf(db, variantId)).toBe(490);
      expect(await usesOf(promotion.id)).toBe(10);
      expect(await heldBy(promotion.id)).toBe(10);

      // Three checkouts expire: their uses go back, and three more shoppers get them.
      for (const order of placed.slice(0, 3)) {
        await applyPaymentEvent(
          { db, now: now(), origin: 'https://shop.example' },
          {
            eventId: `evt_${crypto.randomUUID()}`,
            kind: 'checkout-expired',
            orderId: order.id,
            sessionId: `cs_${order.id}`,
          },
        );
      }
      expect(await usesOf(promotion.id)).toBe(7);
      const late = [];
      for (let i = 0; i < 10; i++) late.push(await cartWith(variantId, c));
      const again = await Promise.allSettled(
        late.map((owner) => placeOrder(deps(), owner, { email: null })),
      );
      expect(again.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
      expect(await usesOf(promotion.id)).toBe(10);
      const carrying = await db.$count(
        orders,
        and(eq(orders.status, 'pending'), eq(orders.discountLabel, c)),
      );
      expect(carrying).toBe(10);
      expect(await stockOf(db, variantId)).toBe(490);
    });

    it('lets a customer use a once-per-customer code once, even from two carts at once', async () => {
      const { variantId } = await insertVariant(db, {
        prefix: 'promo-once',
        stock: 50,
        price: 3000,
      });
      const c = code();
      const promotion = await promote({
        code: c,
        amountOff: 500,
        currency: 'EUR',
        oncePerCustomer: true,
      });
      // A guest's email, in two browsers (two carts) at once.
      const guestCart = async () => {
        const { newGuestToken } = await addToCart(
          deps(),
          { guestToken: null },
          { variantId, quantity: 1 },
        );
        const owner = { guestToken: newGuestToken };
        await applyDiscountCode(deps(), owner, { code: c });
        return owner;
      };
      const email = `twice-${crypto.randomUUID()}@example.com`;
      const [a, b] = [await guestCart(), await guestCart()];
      const both = await Promise.allSettled([
        placeOrder(deps(), a, { email }),
        placeOrder(deps(), b, { email: email.toUpperCase() }),
      ]);
      expect(both.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = both.find((o) => o.status === 'rejected');
      // Serialised (PGlite), the second sees the first's use; racing (PostgreSQL), the unique index refuses it.
      expect((refused as PromiseRejectedResult).reason.message).toMatch(
        new RegExp(`^You have already used the code ${c}\\.`),
      );
      // Without an email a guest is asked for one.
      expect(await refusal(placeOrder(deps(), await guestCart(), { email: null }))).toBe(
        `Enter your email to use the code ${c}: it can be used once per customer.`,
      );
      // An account, from two tabs at once: one order holds the use.
      const owner = await cartWith(variantId, c);
      await Promise.allSettled([
        placeOrder(deps(), owner, { email: null }),
        placeOrder(deps(), owner, { email: null }),
      ]);
      expect(await heldBy(promotion.id)).toBe(2);
      // Paid, it is kept: the account is told it used the code.
      const [mine] = await db
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.userId, 'userId' in owner ? owner.userId : ''),
            eq(orders.status, 'pending'),
          ),
        );
      const outcome = await applyPaymentEvent(
        { db, now: now(), origin: 'https://shop.example' },
        paidEvent({
          eventId: `evt_${crypto.randomUUID()}`,
          orderId: mine?.id ?? '',
          sessionId: `cs_${mine?.id}`,
          paymentIntentId: `pi_${mine?.id}`,
          amount: 2500,
          subtotal: 3000,
          discount: 500,
          currency: 'EUR',
          email: null,
        }),
      );
      expect(outcome).toBe('paid');
      await addToCart(deps(), owner, { variantId, quantity: 1 });
      expect(await refusal(applyDiscountCode(deps(), owner, { code: c }))).toBe(
        `You have already used the code ${c}.`,
      );
    });

    it('checks the paid discount, keeps a use through a refund, and takes it again for a late payment', async () => {
      const { variantId } = await insertVariant(db, {
        prefix: 'promo-paid',
        stock: 20,
        price: 5000,
      });
      const c = code();
      const promotion = await promote({ code: c, percentOff: 10, usageLimit: 2 });
      const pay = (order: { id: string }, discount: number, amount = 5000 - discount) =>
        applyPaymentEvent(
          { db, now: now(), origin: 'https://shop.example' },
          paidEvent({
            eventId: `evt_${crypto.randomUUID()}`,
            orderId: order.id,
            sessionId: `cs_${order.id}`,
            paymentIntentId: `pi_${order.id}`,
            amount,
            subtotal: 5000,
            discount,
            currency: 'EUR',
            email: null,
          }),
        );
      // A payment without the discount the order carries asks for review.
      const wrong = await placeOrder(deps(), await cartWith(variantId, c), { email: null });
      expect(await pay(wrong, 0)).toBe('needs_review');
      const [reviewed] = await db.select().from(orders).where(eq(orders.id, wrong.id));
      expect(reviewed?.reviewReason).toBe("a discount of 0, the order's is 500");
      // Paid and then refunded in full: the use stays counted.
      const kept = await placeOrder(deps(), await cartWith(variantId, c), { email: null });
      expect(await pay(kept, 500)).toBe('paid');
      await applyPaymentEvent(
        { db, now: now(), origin: 'https://shop.example' },
        {
          eventId: `evt_${crypto.randomUUID()}`,
          kind: 'refunded',
          orderId: kept.id,
          paymentIntentId: `pi_${kept.id}`,
          amount: 4500,
          amountRefunded: 4500,
          currency: 'EUR',
        },
      );
      expect(await usesOf(promotion.id)).toBe(2);
      const [listed] = (await listPromotions(db)).filter((p) => p.id === promotion.id);
      expect(listed).toMatchObject({
        uses: 2,
        paidOrders: 1,
        results: [{ currency: 'EUR', revenue: 0, discount: 500 }],
      });

      // Cancelled, its use is given back; paid late, it is taken again if it can be.
      const c2 = code();
      const limited = await promote({ code: c2, percentOff: 10, usageLimit: 1 });
      const first = await placeOrder(deps(), await cartWith(variantId, c2), { email: null });
      await cancelPendingOrder(deps(), first.id, 'checkout');
      expect(await usesOf(limited.id)).toBe(0);
      expect(await pay(first, 500)).toBe('paid');
      expect(await usesOf(limited.id)).toBe(1);
      // Another order cancelled, its use taken meanwhile by a third: the late payment goes to review.
      const c3 = code();
      const third = await promote({ code: c3, percentOff: 10, usageLimit: 1 });
      const lateOrder = await placeOrder(deps(), await cartWith(variantId, c3), { email: null });
      await cancelPendingOrder(deps(), lateOrder.id, 'checkout');
      await placeOrder(deps(), await cartWith(variantId, c3), { email: null });
      const stock = await stockOf(db, variantId);
      expect(await pay(lateOrder, 500)).toBe('needs_review');
      const [late] = await db.select().from(orders).where(eq(orders.id, lateOrder.id));
      expect(late?.reviewReason).toBe(
        `paid after the order was cancelled, and the code ${c3} was used up meanwhile`,
      );
      expect(await usesOf(third.id)).toBe(1);
      // Nothing leaked: the stock it would have taken is still on the shelf.
      expect(await stockOf(db, variantId)).toBe(stock);
    });

    it('refuses a second promotion with the same code in any case, and a limit below its uses', async () => {
      const c = code();
      await promote({ code: c, percentOff: 10 });
      expect(await refusal(promote({ code: c.toLowerCase(), percentOff: 5 }))).toBe(
        `Another promotion has the code ${c.toLowerCase()}.`,
      );
      const { variantId } = await insertVariant(db, { prefix: 'promo-limit', stock: 10 });
      const c2 = code();
      const p = await promote({ code: c2, percentOff: 10, usageLimit: 5 });
      await placeOrder(deps(), await cartWith(variantId, c2), { email: null });
      await placeOrder(deps(), await cartWith(variantId, c2), { email: null });
      expect(await refusal(promote({ id: p.id, code: c2, percentOff: 10, usageLimit: 1 }))).toBe(
        'It has been used 2 times already: the limit cannot be lower.',
      );
    });
  });
}
