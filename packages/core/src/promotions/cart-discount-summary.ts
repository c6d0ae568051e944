import type { Database } from '@edgecart/db';
import type { CartDiscount } from '../cart/cart-rules.ts';
import type { DiscountLine } from './discount-rules.ts';
import { cartDiscounts, customerKeyOf } from './promotion-queries.ts';

/** The cart's discounts as its summary shows them; null when there is nothing to show. */
export async function cartDiscountOf(
  db: Database,
  cart: {
    lines: readonly DiscountLine[];
    currency: string;
    code: string | null;
    now: Date;
    userId: string | null;
  },
): Promise<CartDiscount | null> {
  const customerKey = customerKeyOf({ userId: cart.userId, email: null });
  const result = await cartDiscounts(db, { ...cart, customerKey });
  if (!cart.code && result.applied.length === 0) return null;
  const money = (amount: number) => ({ amount, currency: cart.currency });
  const applied = result.applied.find((a) => a.promotion.code !== null)?.promotion.code;
  return {
    code: applied ?? cart.code,
    codeProblem: result.codeRefusal?.message ?? null,
    lines: result.applied.map((a) => ({
      label: a.promotion.code ?? a.promotion.title,
      amount: money(a.amount),
      freeShipping: a.freeShipping,
    })),
    amount: money(result.amount),
    freeShipping: result.freeShipping,
    needsEmail: !customerKey && result.applied.some((a) => a.promotion.oncePerCustomer),
  };
}
