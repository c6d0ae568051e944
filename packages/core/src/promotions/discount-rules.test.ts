import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPromotion,
  type DiscountContext,
  type DiscountLine,
  discountsFor,
  type PromotionTerms,
  refusalOf,
  spread,
} from './discount-rules.ts';

const now = new Date('2026-12-03T12:00:00Z');

const promotion = (terms: Partial<PromotionTerms> = {}): PromotionTerms => ({
  id: crypto.randomUUID(),
  code: 'SAVE10',
  title: 'SAVE10',
  status: 'active',
  percentOff: 10,
  amountOff: null,
  currency: null,
  freeShipping: false,
  minSubtotal: null,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  timesUsed: 0,
  oncePerCustomer: false,
  combinesWithAutomatic: false,
  productIds: [],
  collectionIds: [],
  ...terms,
});

const line = (amount: number, productId = 'p', collectionIds: string[] = []): DiscountLine => ({
  productId,
  collectionIds,
  amount,
});

const context = (lines: DiscountLine[], more: Partial<DiscountContext> = {}): DiscountContext => ({
  lines,
  currency: 'USD',
  now,
  usedByCustomer: () => false,
  ...more,
});

/**
 * The reference: each line's exact share as a fraction, its floor, and the
 * units left over handed out one by one to the largest remainders, earliest
 * first — written as a plain loop over rationals compared by cross-multiplying.
 */
function referenceSpread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const floors = weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(sum)));
  const rests = weights.map(
    (w, i) => BigInt(total) * BigInt(w) - BigInt(floors[i] ?? 0) * BigInt(sum),
  );
  const given = new Set<number>();
  let left = total - floors.reduce((s, f) => s + f, 0);
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      if (given.has(i)) continue;
      if (best === -1 || (rests[i] ?? 0n) > (rests[best] ?? 0n)) best = i;
    }
    given.add(best);
    floors[best] = (floors[best] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

describe('discount rules', () => {
  it('rounds a percentage half-up once, on the minor unit', () => {
    // 15% of 1,010 = 151.5 → 152; of 1,003 = 150.45 → 150.
    expect(applyPromotion(promotion({ percentOff: 15 }), [line(1010)], [1010]).amount).toBe(152);
    expect(applyPromotion(promotion({ percentOff: 15 }), [line(1003)], [1003]).amount).toBe(150);
    // 33% of 250 = 82.5 → 83.
    expect(applyPromotion(promotion({ percentOff: 33 }), [line(250)], [250]).amount).toBe(83);
  });

  it('spreads a discount over the lines as the reference does: exact, whole, never past a line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 100 }),
        (weights, percent) => {
          const sum = weights.reduce((s, w) => s + w, 0);
          const total = Math.floor((sum * percent + 50) / 100);
          const shares = spread(total, weights);
          expect(shares).toEqual(referenceSpread(total, weights));
          expect(shares.reduce((s, x) => s + x, 0)).toBe(sum === 0 ? 0 : total);
          for (const [i, share] of shares.entries()) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(weights[i] ?? 0);
            // Within one unit of the exact proportional share.
            if (sum > 0)
              expect(Math.abs(share - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes a percentage of a collection only, and a fixed amount never past what it targets', () => {
    const lines = [line(2000, 'lamp', ['lights']), line(3000, 'tent', ['camp'])];
    const lights = promotion({ percentOff: 25, collectionIds: ['lights'] });
    const applied = applyPromotion(lights, lines, [2000, 3000]);
    expect(applied.amount).toBe(500);
    expect(applied.perLine).toEqual([500, 0]);
    const big = promotion({
      percentOff: null,
      amountOff: 5000,
      currency: 'USD',
      productIds: ['lamp'],
    });
    expect(applyPromotion(big, lines, [2000, 3000]).perLine).toEqual([2000, 0]);
  });

  it('says why a code cannot be used, in words a shopper can act on', () => {
    const lines = [line(4000, 'lamp', ['lights'])];
    const reason = (terms: Partial<PromotionTerms>, more: Partial<DiscountContext> = {}) =>
      refusalOf(promotion(terms), context(lines, more));
    expect(reason({})).toBeNull();
    expect(reason({ status: 'archived' })?.reason).toBe('unknown');
    expect(reason({ startsAt: new Date('2026-12-10T00:00:00Z') })?.message).toBe(
      'The code SAVE10 starts on Dec 10, 2026.',
    );
    expect(reason({ endsAt: new Date('2026-12-01T00:00:00Z') })?.message).toBe(
      'The code SAVE10 expired on Dec 1, 2026.',
    );
    expect(reason({ amountOff: 500, percentOff: null, currency: 'EUR' })?.message).toBe(
      'The code SAVE10 is for orders in EUR only.',
    );
    expect(reason({ minSubtotal: 5000, currency: 'USD' })?.message).toBe(
      'The code SAVE10 needs a subtotal of at least $50.00: add $10.00 more to use it.',
    );
    expect(reason({ collectionIds: ['camp'] })?.message).toBe(
      'The code SAVE10 does not apply to anything in your cart.',
    );
    expect(reason({ usageLimit: 3, timesUsed: 3 })?.message).toBe(
      'The code SAVE10 has been used up.',
    );
    expect(reason({ oncePerCustomer: true }, { usedByCustomer: () => true })?.message).toBe(
      'You have already used the code SAVE10.',
    );
  });

  it('applies the best automatic promotion, and a code beside it only when both combine', () => {
    const lines = [line(10_000)];
    const small = promotion({
      code: null,
      title: 'Winter',
      percentOff: 5,
      combinesWithAutomatic: true,
    });
    const large = promotion({ code: null, title: 'Big', percentOff: 20 });
    const code = promotion({ percentOff: 10 });
    // Alone: the larger automatic one.
    expect(discountsFor(context(lines), null, [small, large]).amount).toBe(2000);
    // A code that does not combine: the code alone.
    expect(discountsFor(context(lines), code, [small, large]).amount).toBe(1000);
    // A code that combines: with the automatic one that also does (5%, then 10% of the rest).
    const both = discountsFor(context(lines), { ...code, combinesWithAutomatic: true }, [
      small,
      large,
    ]);
    expect(both.applied.map((a) => a.promotion.title)).toEqual(['Winter', 'SAVE10']);
    expect(both.amount).toBe(500 + 950);
    // A refused code says why, and the automatic ones still apply.
    const refused = discountsFor(context(lines), { ...code, usageLimit: 1, timesUsed: 1 }, [large]);
    expect(refused.codeRefusal?.reason).toBe('used-up');
    expect(refused.amount).toBe(2000);
  });

  it('never takes more than the items come to, whatever stacks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (amounts, percent, amountOff) => {
          const lines = amounts.map((a, i) => line(a, `p${i}`));
          const result = discountsFor(
            context(lines),
            promotion({
              percentOff: null,
              amountOff,
              currency: 'USD',
              combinesWithAutomatic: true,
            }),
            [promotion({ code: null, percentOff: percent, combinesWithAutomatic: true })],
          );
          const sum = amounts.reduce((s, a) => s + a, 0);
          expect(result.amount).toBeLessThanOrEqual(sum);
          const perLine = amounts.map((_, i) =>
            result.applied.reduce((s, a) => s + (a.perLine[i] ?? 0), 0),
          );
          perLine.forEach((taken, i) => {
            expect(taken).toBeLessThanOrEqual(amounts[i] ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
