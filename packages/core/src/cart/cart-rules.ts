/**
 * The rules of a cart's lines and totals, pure (no database): the server
 * reads a cart with them, and the browser applies them to show a change
 * before the server has answered (`@edgecart/core/cart-rules`).
 */
import type { CatalogImage } from '../catalog/types.ts';
import { cartSizeProblem } from '../limits.ts';
import type { Money } from '../money.ts';

/**
 * Whether a line can be bought as it is: `ok`; `short` (fewer in stock than in
 * the cart); `sold-out`; `unavailable` (the product was withdrawn).
 */
export type CartLineState = 'ok' | 'short' | 'sold-out' | 'unavailable';

export interface CartLine {
  variantId: string;
  productSlug: string;
  productTitle: string;
  variantTitle: string;
  options: Record<string, string>;
  sku: string;
  quantity: number;
  /** Read from the database now, never stored in the cart. */
  unitPrice: Money;
  lineTotal: Money;
  stock: number;
  state: CartLineState;
  image: CatalogImage | null;
  /** Whether the product is posted (a gift card or a download is not). */
  posted: boolean;
}

/** One promotion applied to a cart, as its summary shows it. */
export interface CartDiscountLine {
  /** The code, or the automatic promotion's name. */
  label: string;
  /** What it takes off the items. */
  amount: Money;
  freeShipping: boolean;
}

/** A cart's discounts: the code the shopper applied, and what each promotion takes off. */
export interface CartDiscount {
  /** The code on the cart (as the shop spells it); null when only automatic ones apply. */
  code: string | null;
  /** Why the code on the cart gives nothing now (say it, and let it be removed). */
  codeProblem: string | null;
  lines: CartDiscountLine[];
  amount: Money;
  freeShipping: boolean;
  /** A guest must give an email at checkout: a promotion on it is once per customer. */
  needsEmail: boolean;
}

export interface Cart {
  lines: CartLine[];
  /** Units in the cart, for the header's count. */
  itemCount: number;
  /** The total of the lines that can be bought; null for an empty cart. */
  subtotal: Money | null;
  /** Null when no code is applied and no automatic promotion applies. */
  discount: CartDiscount | null;
  /** The subtotal less the discount, before shipping and tax; null for an empty cart. */
  total: Money | null;
  /** Why the cart cannot be checked out as it is, or null when it can. */
  checkoutProblem: string | null;
  /** Whether checkout asks where to ship it: something in it is posted. */
  needsShipping: boolean;
}

export const EMPTY_CART: Cart = {
  lines: [],
  itemCount: 0,
  subtotal: null,
  discount: null,
  total: null,
  checkoutProblem: 'Your cart is empty.',
  needsShipping: false,
};

/** A line's state from its product's availability, its stock and the quantity wanted. */
export function lineState(available: boolean, stock: number, quantity: number): CartLineState {
  if (!available) return 'unavailable';
  if (stock === 0) return 'sold-out';
  return stock < quantity ? 'short' : 'ok';
}

/**
 * The cart these lines make: count, subtotal of what can be bought, the
 * discount (worked out by the server; kept as it was while a change is in
 * flight) and what stops a checkout.
 */
export function cartOf(lines: CartLine[], discount: CartDiscount | null = null): Cart {
  if (lines.length === 0) return EMPTY_CART;
  const buyable = lines.filter((line) => line.state === 'ok');
  const currencies = new Set(lines.map((line) => line.unitPrice.currency));
  const currency = lines[0]?.unitPrice.currency ?? 'USD';
  const itemCount = lines.reduce((sum, line) => sum + line.quantity, 0);
  let checkoutProblem: string | null = null;
  if (lines.some((line) => line.state !== 'ok')) {
    checkoutProblem = 'Some items are not available as they are: change or remove them first.';
  } else if (currencies.size > 1) {
    checkoutProblem = 'Items priced in different currencies cannot be checked out together.';
  } else {
    checkoutProblem = cartSizeProblem(lines.length, itemCount);
  }
  const subtotal = buyable.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  if (!checkoutProblem && discount?.codeProblem) {
    checkoutProblem = `${discount.codeProblem} Remove the code to check out without it.`;
  }
  return {
    lines,
    itemCount,
    subtotal: { amount: subtotal, currency },
    discount,
    total: { amount: Math.max(0, subtotal - (discount?.amount.amount ?? 0)), currency },
    checkoutProblem,
    needsShipping: lines.some((line) => line.posted),
  };
}

/** The cart as it will be once a line's quantity is changed (0 removes it). */
export function withQuantity(cart: Cart, variantId: string, quantity: number): Cart {
  return cartOf(
    cart.lines
      .filter((line) => line.variantId !== variantId || quantity > 0)
      .map((line) =>
        line.variantId === variantId
          ? {
              ...line,
              quantity,
              lineTotal: { ...line.lineTotal, amount: line.unitPrice.amount * quantity },
              state: lineState(line.state !== 'unavailable', line.stock, quantity),
            }
          : line,
      ),
    cart.discount,
  );
}

/** `current` with the line of `variantId` as it was in `before`, put back where it was. */
export function withLineRestored(current: Cart, before: Cart, variantId: string): Cart {
  const index = before.lines.findIndex((line) => line.variantId === variantId);
  const old = before.lines[index];
  if (!old) return current;
  const others = current.lines.filter((line) => line.variantId !== variantId);
  return cartOf([...others.slice(0, index), old, ...others.slice(index)], current.discount);
}
