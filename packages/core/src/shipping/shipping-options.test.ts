import { describe, expect, test } from 'vitest';
import {
  needsShipping,
  parcelWeight,
  SHIPPING_OPTIONS_MAX,
  type ShippingRate,
  shippingOptions,
} from './shipping-options.ts';

const rate = (overrides: Partial<ShippingRate>): ShippingRate => ({
  id: 'rate',
  name: 'Standard',
  minDays: 3,
  maxDays: 5,
  currency: 'USD',
  amount: 600,
  freeAbove: null,
  minWeightGrams: 0,
  maxWeightGrams: null,
  active: true,
  position: 0,
  ...overrides,
});

describe('what a cart ships', () => {
  const shell = { quantity: 2, weightGrams: 450, requiresShipping: true };
  const giftCard = { quantity: 1, weightGrams: 0, requiresShipping: false };

  test('a cart of only unposted products needs no address', () => {
    expect(needsShipping([giftCard])).toBe(false);
    expect(needsShipping([giftCard, shell])).toBe(true);
    expect(needsShipping([])).toBe(false);
  });

  test("the parcel weighs what is posted, each line's unit weight times its quantity", () => {
    expect(parcelWeight([shell, giftCard, { ...shell, quantity: 1, weightGrams: 100 }])).toBe(
      1_000,
    );
  });
});

describe('the options offered', () => {
  const parcel = { currency: 'USD', subtotal: 5_000, weightGrams: 1_200 };

  test('only active rates in the cart currency whose weight band holds the parcel', () => {
    const options = shippingOptions(
      [
        rate({ id: 'light', maxWeightGrams: 1_000 }),
        rate({ id: 'heavy', minWeightGrams: 1_000, maxWeightGrams: 5_000 }),
        rate({ id: 'euro', currency: 'EUR' }),
        rate({ id: 'paused', active: false }),
      ],
      parcel,
    );
    expect(options.map((o) => o.rateId)).toEqual(['heavy']);
  });

  test('a band includes its lower bound and excludes its upper one', () => {
    const bands = [
      rate({ id: 'a', maxWeightGrams: 1_200 }),
      rate({ id: 'b', minWeightGrams: 1_200, maxWeightGrams: 2_000 }),
    ];
    expect(shippingOptions(bands, parcel).map((o) => o.rateId)).toEqual(['b']);
  });

  test('free from the threshold, charged below it', () => {
    const free = rate({ freeAbove: 5_000 });
    expect(shippingOptions([free], parcel)[0]?.amount).toBe(0);
    expect(shippingOptions([free], { ...parcel, subtotal: 4_999 })[0]?.amount).toBe(600);
  });

  test("in the zone's order, five at most, with their delivery estimates", () => {
    const rates = Array.from({ length: 7 }, (_, i) =>
      rate({ id: `r${i}`, name: `Rate ${i}`, position: 7 - i, minDays: i, maxDays: i + 2 }),
    );
    const options = shippingOptions(rates, parcel);
    expect(options).toHaveLength(SHIPPING_OPTIONS_MAX);
    expect(options[0]).toEqual({
      rateId: 'r6',
      name: 'Rate 6',
      amount: 600,
      currency: 'USD',
      minDays: 6,
      maxDays: 8,
    });
  });

  test('no rate fits: no option', () => {
    expect(shippingOptions([rate({ maxWeightGrams: 500 })], parcel)).toEqual([]);
  });
});
