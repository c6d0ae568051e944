/**
 * The rules of discounts, pure (no database): whether a promotion applies to
 * a cart, why not in words a shopper can act on, and how much it takes off
 * which line. The cart page, checkout and the tests all use these.
 *
 * Rounding: a percentage is worked out once on the amount it applies to and
 * rounded half-up to a minor unit; the discount is then spread over the lines
 * it applies to in proportion to their amounts, by largest remainder, so the
 * lines' shares are whole minor units that add up to it exactly and none
 * takes more than its line.
 */

import { formatAmount } from '../money.ts';

/** A promotion's terms, as the database keeps them. */
export interface PromotionTerms {
  id: string;
  /** Null: automatic. */
  code: string | null;
  title: string;
  status: 'active' | 'paused' | 'archived';
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  freeShipping: boolean;
  minSubtotal: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  timesUsed: number;
  oncePerCustomer: boolean;
  combinesWithAutomatic: boolean;
  productIds: string[];
  collectionIds: string[];
}

/** A cart line as discounts see it. */
export interface DiscountLine {
  productId: string;
  collectionIds: readonly string[];
  /** Unit price × quantity, minor units. */
  amount: number;
}

/** What a discount is weighed against: the cart, its currency and when. */
export interface DiscountContext {
  lines: readonly DiscountLine[];
  currency: string;
  now: Date;
  /** Whether this customer already holds or kept a use of the promotion (once per customer). */
  usedByCustomer: (promotionId: string) => boolean;
}

export type RefusalReason =
  | 'unknown'
  | 'inactive'
  | 'not-started'
  | 'expired'
  | 'currency'
  | 'minimum'
  | 'no-items'
  | 'used-up'
  | 'used-by-you';

export interface Refusal {
  reason: RefusalReason;
  message: string;
}

const day = (date: Date) =>
  date.toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** Whether a line is one the promotion targets: all of them when it names no product or collection. */
export function targets(promotion: PromotionTerms, line: DiscountLine): boolean {
  if (promotion.productIds.length === 0 && promotion.collectionIds.length === 0) return true;
  return (
    promotion.productIds.includes(line.productId) ||
    line.collectionIds.some((id) => promotion.collectionIds.includes(id))
  );
}

/** Why the promotion cannot apply to this cart now, or null when it can. */
export function refusalOf(promotion: PromotionTerms, context: DiscountContext): Refusal | null {
  const name = promotion.code ? `The code ${promotion.code}` : `"${promotion.title}"`;
  const refuse = (reason: RefusalReason, message: string): Refusal => ({ reason, message });
  if (promotion.status === 'archived') {
    return refuse('unknown', `${name} is not a discount code of this shop: check the spelling.`);
  }
  if (promotion.status === 'paused') return refuse('inactive', `${name} is not active right now.`);
  if (promotion.startsAt && context.now < promotion.startsAt) {
    return refuse('not-started', `${name} starts on ${day(promotion.startsAt)}.`);
  }
  if (promotion.endsAt && context.now >= promotion.endsAt) {
    return refuse('expired', `${name} expired on ${day(promotion.endsAt)}.`);
  }
  if (promotion.currency && promotion.currency !== context.currency) {
    return refuse('currency', `${name} is for orders in ${promotion.currency} only.`);
  }
  const subtotal = context.lines.reduce((sum, line) => sum + line.amount, 0);
  if (promotion.minSubtotal !== null && subtotal < promotion.minSubtotal) {
    const currency = context.currency;
    return refuse(
      'minimum',
      `${name} needs a subtotal of at least ${formatAmount(promotion.minSubtotal, currency)}: add ${formatAmount(promotion.minSubtotal - subtotal, currency)} more to use it.`,
    );
  }
  if (!context.lines.some((line) => targets(promotion, line))) {
    return refuse('no-items', `${name} does not apply to anything in your cart.`);
  }
  if (promotion.usageLimit !== null && promotion.timesUsed >= promotion.usageLimit) {
    return refuse('used-up', `${name} has been used up.`);
  }
  if (promotion.oncePerCustomer && context.usedByCustomer(promotion.id)) {
    return refuse('used-by-you', `You have already used ${name.replace(/^The/, 'the')}.`);
  }
  return null;
}

/** `a × b / c` rounded half-up, exactly (BigInt: products of large amounts pass 2^53). */
function mulDivHalfUp(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (BigInt(c) * 2n));
}

/**
 * Spreads `total` over `weights` in proportion, in whole units that add up
 * to `total` exactly (largest remainder; ties go to the earlier line). With
 * `total` at most the weights' sum, no share passes its weight.
 */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => {
    const exact = bigTotal * BigInt(w);
    return { floor: exact / bigSum, remainder: exact % bigSum };
  });
  let left = total - shares.reduce((s, share) => s + Number(share.floor), 0);
  const order = shares
    .map((share, index) => ({ index, remainder: share.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const result = shares.map((share) => Number(share.floor));
  for (const { index } of order) {
    if (left === 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

/** What one promotion takes off: its amount and each line's share. */
export interface AppliedPromotion {
  promotion: PromotionTerms;
  /** Minor units off the items. */
  amount: number;
  /** Each line's share of `amount`, in the lines' order. */
  perLine: number[];
  freeShipping: boolean;
}

/**
 * What a promotion takes off lines whose amounts (after earlier discounts)
 * are `remaining`: a percentage of the lines it targets, rounded half-up, or
 * its fixed amount, never more than those lines come to.
 */
export function applyPromotion(
  promotion: PromotionTerms,
  lines: readonly DiscountLine[],
  remaining: readonly number[],
): AppliedPromotion {
  const weights = lines.map((line, i) => (targets(promotion, line) ? (remaining[i] ?? 0) : 0));
  const base = weights.reduce((s, w) => s + w, 0);
  const amount =
    promotion.percentOff !== null
      ? mulDivHalfUp(base, promotion.percentOff, 100)
      : Math.min(promotion.amountOff ?? 0, base);
  return {
    promotion,
    amount,
    perLine: spread(amount, weights),
    freeShipping: promotion.freeShipping,
  };
}

/** The discounts of a cart: what each applied promotion takes off, and what stops a code. */
export interface CartDiscounts {
  applied: AppliedPromotion[];
  /** The sum of `applied`'s amounts. */
  amount: number;
  freeShipping: boolean;
  /** Why the code on the cart gives nothing; null when it applies or there is none. */
  codeRefusal: Refusal | null;
}

/**
 * The discounts a cart gets: the best automatic promotion that applies (the
 * largest amount; free shipping breaks a tie), then the code, worked out on
 * what is left of each line. Beside a code, an automatic promotion applies
 * only when both say they combine; otherwise the code, which the shopper
 * chose, is the one that applies.
 */
export function discountsFor(
  context: DiscountContext,
  code: PromotionTerms | null,
  automatic: readonly PromotionTerms[],
): CartDiscounts {
  const lines = context.lines;
  const codeRefusal = code ? refusalOf(code, context) : null;
  const usableCode = code && !codeRefusal ? code : null;
  const candidates = automatic
    .filter((p) => p.code === null && !refusalOf(p, context))
    .filter((p) => !usableCode || (usableCode.combinesWithAutomatic && p.combinesWithAutomatic))
    .map((p) =>
      applyPromotion(
        p,
        lines,
        lines.map((l) => l.amount),
      ),
    )
    .filter((a) => a.amount > 0 || a.freeShipping)
    .sort((a, b) =>
      b.amount !== a.amount
        ? b.amount - a.amount
        : Number(b.freeShipping) - Number(a.freeShipping) ||
          a.promotion.id.localeCompare(b.promotion.id),
    );
  const applied: AppliedPromotion[] = [];
  let remaining = lines.map((l) => l.amount);
  for (const promotion of [candidates[0]?.promotion, usableCode]) {
    if (!promotion) continue;
    const result = applyPromotion(promotion, lines, remaining);
    applied.push(result);
    remaining = remaining.map((r, i) => r - (result.perLine[i] ?? 0));
  }
  return {
    applied,
    amount: applied.reduce((s, a) => s + a.amount, 0),
    freeShipping: applied.some((a) => a.freeShipping),
    codeRefusal,
  };
}

/** What a refused or unknown code is told: the same words for a code that does not exist. */
export function unknownCode(code: string): Refusal {
  return {
    reason: 'unknown',
    message: `The code ${code} is not a discount code of this shop: check the spelling.`,
  };
}
