import { type Database, eq, orders, shopSettings } from '@edgecart/db';
import type { PaymentEvent } from '@edgecart/payments';
import { describe, expect, it } from 'vitest';
import { adminOverview } from '../admin/overview.ts';
import { addToCart } from '../cart/change-cart.ts';
import { InvalidInputError } from '../errors.ts';
import { saveShippingRate, saveShippingZone } from '../shipping/shipping-zones.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { insertShopper, insertVariant } from '../testing/fixtures.ts';
import { paidEvent } from '../testing/paid-event.ts';
import { applyPaymentEvent } from './apply-payment-event.ts';
import { attachCheckoutSession } from './order-lifecycle.ts';
import { placeOrder } from './place-order.ts';

const address = {
  line1: '1 Harbour Road',
  line2: 'Flat 2',
  city: 'Halifax',
  state: 'NS',
  postalCode: 'B3H 1A1',
  country: 'CA',
};

/**
 * An order that posts something, from placing to paid: the options offered
 * for its zone, weight and subtotal, the payment checked against them, and
 * the address, rate and amounts stored. On every database driver.
 */
export function describeOrderShippingContract(driver: string, open: OpenDatabase) {
  describe(`shipping an order on ${driver}`, () => {
    let db: Database;
    let zoneReady: Promise<void> | undefined;
    withContractDb(open, (opened) => {
      db = opened;
    });
    const now = () => new Date();
    const admin = () => ({ db, now: now(), actor: 'admin:test' });

    /** One zone for the whole file (a country belongs to one zone): CA and MX, three rates. */
    const zone = () => {
      zoneReady ??= (async () => {
        const { id: zoneId } = await saveShippingZone(admin(), {
          name: 'North America',
          countries: ['CA', 'MX'],
        });
        const rate = {
          zoneId,
          currency: 'EUR',
          active: true,
          freeAbove: null,
          maxWeightGrams: null,
        };
        await saveShippingRate(admin(), {
          ...rate,
          name: 'Standard',
          minDays: 3,
          maxDays: 5,
          amount: 600,
          freeAbove: 10_000,
          minWeightGrams: 0,
          maxWeightGrams: 5_000,
          position: 0,
        });
        await saveShippingRate(admin(), {
          ...rate,
          name: 'Express',
          minDays: 1,
          maxDays: 2,
          amount: 1_800,
          minWeightGrams: 0,
          maxWeightGrams: 5_000,
          position: 1,
        });
        await saveShippingRate(admin(), {
          ...rate,
          name: 'Freight',
          minDays: 5,
          maxDays: 8,
          amount: 2_500,
          minWeightGrams: 5_000,
          position: 2,
        });
      })();
      return zoneReady;
    };

    /** A shopper's cart of one posted line; answers the placing. */
    async function cart(options: { price: number; quantity: number; weightGrams: number }) {
      await zone();
      const email = `ship-${crypto.randomUUID()}@example.com`;
      const owner = await insertShopper(db, email);
      const { variantId } = await insertVariant(db, {
        prefix: 'posted',
        stock: 50,
        price: options.price,
        posted: true,
        weightGrams: options.weightGrams,
      });
      await addToCart({ db, now: now() }, owner, { variantId, quantity: options.quantity });
      return {
        place: (shipTo: string | null) => placeOrder({ db, now: now() }, owner, { email, shipTo }),
      };
    }

    /** Placed, and its payment page made: the provider named each offer `shr_<i>`. */
    async function offeredOrder(options: { price: number; quantity: number; weightGrams: number }) {
      const placed = await (await cart(options)).place('CA');
      const offers = (placed.shipping?.offers ?? []).map(({ rateId, name, amount }, i) => ({
        rateId,
        name,
        amount,
        providerRateId: `shr_${i}`,
      }));
      await attachCheckoutSession(
        db,
        placed.id,
        { sessionId: `cs_${placed.id}`, shippingOffers: offers },
        now(),
      );
      return placed;
    }

    const paid = (
      orderId: string,
      event: Partial<Extract<PaymentEvent, { kind: 'checkout-paid' }>> & {
        amount: number;
        subtotal: number;
      },
    ) =>
      applyPaymentEvent(
        { db, now: now(), origin: 'https://shop.example' },
        paidEvent({
          eventId: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
          orderId,
          sessionId: `cs_${orderId}`,
          paymentIntentId: 'pi_ship',
          currency: 'EUR',
          email: null,
          shippingDetails: { name: 'Ann Lee', address },
          ...event,
        }),
      );
    const row = async (orderId: string) =>
      (await db.select().from(orders).where(eq(orders.id, orderId)))[0];
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => error,
      );

    it("offers the rates of the country's zone that fit the parcel, free above the threshold", async () => {
      const light = await (await cart({ price: 2_000, quantity: 2, weightGrams: 400 })).place('ca');
      expect(light.shipping?.country).toBe('CA');
      expect(light.shipping?.allowedCountries).toEqual(['CA', 'MX']);
      expect(light.shipping?.offers.map((o) => [o.name, o.amount])).toEqual([
        ['Standard', 600],
        ['Express', 1_800],
      ]);
      const big = await (await cart({ price: 6_000, quantity: 2, weightGrams: 400 })).place('MX');
      expect(big.shipping?.offers.map((o) => [o.name, o.amount])).toEqual([
        ['Standard', 0],
        ['Express', 1_800],
      ]);
      const heavy = await (await cart({ price: 1_000, quantity: 3, weightGrams: 2_000 })).place(
        'CA',
      );
      expect(heavy.shipping?.offers.map((o) => [o.name, o.amount])).toEqual([['Freight', 2_500]]);
      const stored = await row(heavy.id);
      expect(stored?.shipToCountry).toBe('CA');
      expect(stored?.shippingOffers?.map((o) => o.name)).toEqual(['Freight']);
    });

    it('refuses a posted cart with no country, or one the shop does not post to, holding nothing', async () => {
      const shopper = await cart({ price: 1_000, quantity: 1, weightGrams: 100 });
      for (const [shipTo, message] of [
        [null, /Choose the country/],
        ['FR', /do not ship this order to FR/],
        ['not a country', /Choose the country/],
      ] as const) {
        const error = await refusal(shopper.place(shipTo));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as Error).message).toMatch(message);
      }
      // A cart with nothing posted asks for no country at all.
      const owner = await insertShopper(db, `digital-${crypto.randomUUID()}@example.com`);
      const { variantId } = await insertVariant(db, { prefix: 'gift', stock: 5 });
      await addToCart({ db, now: now() }, owner, { variantId, quantity: 1 });
      const digital = await placeOrder({ db, now: now() }, owner, { email: null, shipTo: null });
      expect(digital.shipping).toBeNull();
    });

    it('stores the address, the chosen rate and the amounts of a payment that matches an offer', async () => {
      const order = await offeredOrder({ price: 2_000, quantity: 2, weightGrams: 400 });
      expect(
        await paid(order.id, {
          subtotal: 4_000,
          amount: 5_800,
          shipping: { amount: 1_800, providerRateId: 'shr_1' },
        }),
      ).toBe('paid');
      expect(await row(order.id)).toMatchObject({
        status: 'paid',
        subtotal: 4_000,
        shippingAmount: 1_800,
        taxAmount: 0,
        total: 5_800,
        amountPaid: 5_800,
        shippingRateName: 'Express',
        shippingName: 'Ann Lee',
        shippingAddress: address,
      });
    });

    it('sends a tampered shipping charge, subtotal or missing address to review, never paid', async () => {
      const cases: [Parameters<typeof paid>[1], RegExp][] = [
        // Express's provider rate, at Standard's price.
        [
          { subtotal: 4_000, amount: 4_600, shipping: { amount: 600, providerRateId: 'shr_1' } },
          /shipping of 600 is not an option/,
        ],
        [{ subtotal: 4_000, amount: 4_000, shipping: null }, /shipping of nothing/],
        [
          { subtotal: 100, amount: 1_900, shipping: { amount: 1_800, providerRateId: 'shr_1' } },
          /items were charged 100/,
        ],
        [
          {
            subtotal: 4_000,
            amount: 5_800,
            shipping: { amount: 1_800, providerRateId: 'shr_1' },
            shippingDetails: null,
          },
          /without a shipping address/,
        ],
        [
          {
            subtotal: 4_000,
            amount: 5_900,
            tax: 100,
            shipping: { amount: 1_800, providerRateId: 'shr_1' },
          },
          /tax of 100 charged, and tax is off/,
        ],
      ];
      for (const [event, reason] of cases) {
        const order = await offeredOrder({ price: 2_000, quantity: 2, weightGrams: 400 });
        expect(await paid(order.id, event)).toBe('needs_review');
        const stored = await row(order.id);
        expect(stored).toMatchObject({ status: 'needs_review', paidAt: null });
        expect(stored?.reviewReason).toMatch(reason);
      }
    });

    it('adds exclusive tax to the total and counts inclusive tax inside it', async () => {
      try {
        await db
          .update(shopSettings)
          .set({ taxEnabled: true, taxBehavior: 'exclusive' })
          .where(eq(shopSettings.id, 1));
        const exclusive = await offeredOrder({ price: 2_000, quantity: 2, weightGrams: 400 });
        expect(exclusive.taxBehavior).toBe('exclusive');
        const revenue = async () =>
          (await adminOverview(db, now())).today.revenue.find((r) => r.currency === 'EUR')
            ?.amount ?? 0;
        const before = await revenue();
        // Inclusive tax added to an exclusive order's total would not add up.
        expect(
          await paid(exclusive.id, {
            subtotal: 4_000,
            amount: 4_600 + 490,
            tax: 490,
            shipping: { amount: 600, providerRateId: 'shr_0' },
          }),
        ).toBe('paid');
        expect(await row(exclusive.id)).toMatchObject({
          taxBehavior: 'exclusive',
          taxAmount: 490,
          total: 5_090,
        });
        // The overview's revenue is what the shop keeps: the tax collected is not its own.
        expect((await revenue()) - before).toBe(5_090 - 490);

        await db
          .update(shopSettings)
          .set({ taxBehavior: 'inclusive' })
          .where(eq(shopSettings.id, 1));
        const inclusive = await offeredOrder({ price: 2_000, quantity: 2, weightGrams: 400 });
        const tooMuch = await offeredOrder({ price: 2_000, quantity: 2, weightGrams: 400 });
        const shipping = { amount: 600, providerRateId: 'shr_0' };
        expect(
          await paid(inclusive.id, { subtotal: 4_000, amount: 4_600, tax: 798, shipping }),
        ).toBe('paid');
        expect(await row(inclusive.id)).toMatchObject({ taxAmount: 798, total: 4_600 });
        // Tax added on top of inclusive prices: charged twice.
        expect(await paid(tooMuch.id, { subtotal: 4_000, amount: 5_398, tax: 798, shipping })).toBe(
          'needs_review',
        );
      } finally {
        await db
          .update(shopSettings)
          .set({ taxEnabled: false, taxBehavior: 'exclusive' })
          .where(eq(shopSettings.id, 1));
      }
    });
  });
}
