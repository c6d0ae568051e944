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

export interface Cart {
  lines: CartLine[];
  /** Units in the cart, for the header's count. */
  itemCount: number;
  /** The total of the lines that can be bought; null for an empty cart. */
  subtotal: Money | null;
  /** Why the cart cannot be checked out as it is, or null when it can. */
  checkoutProblem: string | null;
  /** Whether checkout asks where to ship it: something in it is posted. */
  needsShipping: boolean;
}

export const EMPTY_CART: Cart = {
  lines: [],
  itemCount: 0,
  subtotal: null,
  checkoutProblem: 'Your cart is empty.',
  needsShipping: false,
};

/** A line's state from its product's availability, its stock and the quantity wanted. */
export function lineState(available: boolean, stock: number, quantity: number): CartLineState {
  if (!available) return 'unavailable';
  if (stock === 0) return 'sold-out';
  return stock < quantity ? 'short' : 'ok';
}

/** The cart these lines make: count, subtotal of what can be bought, and what stops a checkout. */
export function cartOf(lines: CartLine[]): Cart {
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
  return {
    lines,
    itemCount,
    subtotal: { amount: buyable.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency },
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
  );
}

/** `current` with the line of `variantId` as it was in `before`, put back where it was. */
export function withLineRestored(current: Cart, before: Cart, variantId: string): Cart {
  const index = before.lines.findIndex((line) => line.variantId === variantId);
  const old = before.lines[index];
  if (!old) return current;
  const others = current.lines.filter((line) => line.variantId !== variantId);
  return cartOf([...others.slice(0, index), old, ...others.slice(index)]);
}
