/**
 * The shop's limits on what one shopper can take, in one place. They keep a
 * script from holding the shelves (each checkout reserves its stock for 35
 * minutes) and are far above what a person buys. Pure (no database): the
 * browser reads them with the cart's rules.
 *
 * Besides these: at most 99 of one variant in a cart or an order
 * (`CART_QUANTITY_MAX` in `@edgecart/db`, where check constraints hold it),
 * and `checkout:ip` in `packages/api/src/rate-limits.ts`.
 */

/** Different items (variants) in one cart, and so in one order. */
export const CART_LINES_MAX = 20;

/** Units in one cart, all lines together, and so in one order. */
export const CART_UNITS_MAX = 200;

/**
 * Units one client can hold in unpaid checkouts at once: the pending orders
 * placed from its address (an IPv6 /64, a whole IPv4 address) or by its
 * account, together. A full cart fits with room to spare, for a second
 * device or a few shoppers behind one address.
 */
export const HELD_UNITS_MAX = 250;

/** Why a cart of this many lines and units cannot be checked out, or null when it can. */
export function cartSizeProblem(lines: number, units: number): string | null {
  if (lines > CART_LINES_MAX) {
    return `A cart holds at most ${CART_LINES_MAX} different items: remove ${lines - CART_LINES_MAX} to check out.`;
  }
  if (units > CART_UNITS_MAX) {
    return `A cart holds at most ${CART_UNITS_MAX} items in all: remove ${units - CART_UNITS_MAX} to check out.`;
  }
  return null;
}
