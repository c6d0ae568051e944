import { carts, type Database, eq } from '@edgecart/db';
import { type CartOwner, findCartId, lockCart } from '../cart/owner.ts';
import { readCart } from '../cart/read-cart.ts';
import { InvalidInputError } from '../errors.ts';
import { promotionByCode, typedCode } from './promotion-queries.ts';

export interface DiscountCodeDeps {
  db: Database;
  now: Date;
}

/**
 * Puts a discount code on the owner's cart, once it applies to the cart as
 * it is: refused, with the reason in words a shopper can act on, when it is
 * unknown, not started, expired, for another currency, short of its minimum,
 * for nothing in the cart, used up, or already used by this account. The
 * code is checked again on every read of the cart and at checkout.
 */
export async function applyDiscountCode(
  deps: DiscountCodeDeps,
  owner: CartOwner,
  input: { code: string },
) {
  const code = typedCode(input.code);
  if (!code) throw new InvalidInputError('Enter a discount code.', { field: 'code' });
  const cartId = await findCartId(deps.db, owner);
  if (!cartId) {
    throw new InvalidInputError('Your cart is empty: add something first, then the code.', {
      field: 'code',
    });
  }
  const promotion = await promotionByCode(deps.db, code);
  const spelled = promotion?.code ?? code;
  const cart = await readCartWith(deps, owner, cartId, spelled);
  if (cart.lines.length === 0) {
    throw new InvalidInputError('Your cart is empty: add something first, then the code.', {
      field: 'code',
    });
  }
  const problem = cart.discount?.codeProblem;
  if (problem) throw new InvalidInputError(problem, { field: 'code' });
  return cart;
}

/** The cart read as if `code` were on it; kept on it when it applies. */
async function readCartWith(
  deps: DiscountCodeDeps,
  owner: CartOwner,
  cartId: string,
  code: string,
) {
  return deps.db.transaction(async (tx) => {
    await lockCart(tx, cartId, deps.now);
    const [before] = await tx
      .select({ code: carts.discountCode })
      .from(carts)
      .where(eq(carts.id, cartId));
    await tx.update(carts).set({ discountCode: code }).where(eq(carts.id, cartId));
    const cart = await readCart(tx, owner, deps.now);
    // A refused code leaves the cart's own as it was.
    if (cart.discount?.codeProblem) {
      await tx
        .update(carts)
        .set({ discountCode: before?.code ?? null })
        .where(eq(carts.id, cartId));
    }
    return cart;
  });
}

/** Takes the discount code off the owner's cart (automatic promotions still apply). */
export async function removeDiscountCode(deps: DiscountCodeDeps, owner: CartOwner): Promise<void> {
  const cartId = await findCartId(deps.db, owner);
  if (!cartId) return;
  await deps.db
    .update(carts)
    .set({ discountCode: null, updatedAt: deps.now })
    .where(eq(carts.id, cartId));
}
