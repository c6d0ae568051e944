import {
  and,
  asc,
  CART_QUANTITY_MAX,
  cartItems,
  carts,
  type Database,
  eq,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { CART_LINES_MAX, CART_UNITS_MAX } from '../limits.ts';
import { type CartOwner, ensureCart, findCartId, lockCart } from './owner.ts';

export interface CartChangeDeps {
  db: Database;
  now: Date;
}

/** What a change did; a new guest cart brings the token for the guest's cookie. */
export interface CartChange {
  newGuestToken: string | null;
  /** The cart was empty before this add: a cart started, the checkout funnel's first step. */
  started: boolean;
}

async function variantToBuy(db: Database, variantId: string) {
  const [variant] = await db
    .select({ stock: productVariants.stock, status: products.status })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(productVariants.id, variantId));
  if (variant?.status !== 'active') {
    throw new NotFoundError('This product is no longer available.');
  }
  return variant;
}

async function quantityInCart(db: Database, cartId: string, variantId: string) {
  const [line] = await db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
  return line?.quantity ?? 0;
}

function checkQuantity(wanted: number, inCart: number, stock: number) {
  if (stock === 0) throw new InvalidInputError('Sold out.', { field: 'quantity' });
  if (wanted > stock) {
    const had = inCart > 0 ? ` (you have ${inCart} in your cart)` : '';
    throw new InvalidInputError(`Only ${stock} in stock${had}.`, { field: 'quantity' });
  }
  if (wanted > CART_QUANTITY_MAX) {
    throw new InvalidInputError(`At most ${CART_QUANTITY_MAX} of one item per order.`, {
      field: 'quantity',
    });
  }
}

/** How many lines and units the cart holds. */
async function cartSize(db: Database, cartId: string) {
  const [size] = await db
    .select({
      lines: sql<number>`count(*)::int`,
      units: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int`,
    })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId));
  return { lines: size?.lines ?? 0, units: size?.units ?? 0 };
}

/**
 * Refuses a change that takes the cart past its limits (`limits.ts`): a new
 * line past the most lines, or more units past the most units. A change that
 * does neither passes, so that a cart over its limits can always be lowered.
 */
async function checkCartSize(db: Database, cartId: string, inCart: number, wanted: number) {
  const size = await cartSize(db, cartId);
  checkSize(size, inCart, wanted);
  return size;
}

function checkSize(size: { lines: number; units: number }, inCart: number, wanted: number) {
  if (inCart === 0 && size.lines >= CART_LINES_MAX) {
    throw new InvalidInputError(
      `A cart holds at most ${CART_LINES_MAX} different items: remove one to add another.`,
    );
  }
  const room = CART_UNITS_MAX - (size.units - inCart);
  if (wanted > inCart && wanted > room) {
    throw new InvalidInputError(
      room - inCart > 0
        ? `A cart holds at most ${CART_UNITS_MAX} items in all: you can add ${room - inCart} more.`
        : `A cart holds at most ${CART_UNITS_MAX} items in all: remove some to add others.`,
      { field: 'quantity' },
    );
  }
}

/**
 * Adds `quantity` of a variant, on top of what the cart holds, never above the
 * stock or 99, nor past the cart's limits (`limits.ts`). One transaction, with
 * the cart's row locked, so that two adds at once (two tabs) sum instead of
 * overwriting.
 */
export async function addToCart(
  deps: CartChangeDeps,
  owner: CartOwner,
  input: { variantId: string; quantity: number },
): Promise<CartChange> {
  return deps.db.transaction(async (tx) => {
    const variant = await variantToBuy(tx, input.variantId);
    if (variant.stock === 0) throw new InvalidInputError('Sold out.', { field: 'quantity' });
    const { cartId, newGuestToken } = await ensureCart(tx, owner, deps.now);
    await lockCart(tx, cartId, deps.now);
    const inCart = await quantityInCart(tx, cartId, input.variantId);
    const wanted = inCart + input.quantity;
    checkQuantity(wanted, inCart, variant.stock);
    const before = await checkCartSize(tx, cartId, inCart, wanted);
    await tx
      .insert(cartItems)
      .values({ cartId, variantId: input.variantId, quantity: wanted, addedAt: deps.now })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.variantId],
        set: { quantity: wanted },
      });
    return { newGuestToken, started: before.lines === 0 };
  });
}

/** Sets a line's quantity (1..99, at most the stock, within the cart's limits). */
export async function setCartQuantity(
  deps: CartChangeDeps,
  owner: CartOwner,
  input: { variantId: string; quantity: number },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const cartId = await findCartId(tx, owner);
    if (!cartId) throw new NotFoundError('That item is not in your cart.');
    await lockCart(tx, cartId, deps.now);
    const inCart = await quantityInCart(tx, cartId, input.variantId);
    if (inCart === 0) throw new NotFoundError('That item is not in your cart.');
    const variant = await variantToBuy(tx, input.variantId);
    checkQuantity(input.quantity, 0, variant.stock);
    await checkCartSize(tx, cartId, inCart, input.quantity);
    await tx
      .update(cartItems)
      .set({ quantity: input.quantity })
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)));
  });
}

/** Removes a line; removing what is not there changes nothing. */
export async function removeFromCart(
  deps: CartChangeDeps,
  owner: CartOwner,
  input: { variantId: string },
): Promise<void> {
  const cartId = await findCartId(deps.db, owner);
  if (!cartId) return;
  await deps.db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)));
}

/**
 * On log-in: the guest's cart joins the user's, quantities summed and capped
 * by stock and by 99 (a line with nothing left in stock stays out) and by the
 * cart's limits (`limits.ts`: the guest's lines that do not fit stay out),
 * and the guest cart is gone. One transaction.
 */
export async function mergeGuestCart(
  deps: CartChangeDeps,
  guestToken: string,
  userId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const guestCartId = await findCartId(tx, { guestToken });
    if (!guestCartId) return;
    const guestLines = await tx
      .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
      .from(cartItems)
      .where(eq(cartItems.cartId, guestCartId))
      // Past the cart's limits, the lines the guest chose first get in.
      .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId));
    if (guestLines.length > 0) {
      const { cartId } = await ensureCart(tx, { userId }, deps.now);
      await lockCart(tx, cartId, deps.now);
      const size = await cartSize(tx, cartId);
      for (const line of guestLines) {
        const [variant] = await tx
          .select({ stock: productVariants.stock })
          .from(productVariants)
          .where(eq(productVariants.id, line.variantId));
        const inCart = await quantityInCart(tx, cartId, line.variantId);
        if (inCart === 0 && size.lines >= CART_LINES_MAX) continue;
        const room = Math.max(0, CART_UNITS_MAX - size.units);
        const merged = Math.min(
          inCart + line.quantity,
          variant?.stock ?? 0,
          CART_QUANTITY_MAX,
          inCart + room,
        );
        if (merged < 1) continue;
        if (inCart === 0) size.lines += 1;
        size.units += merged - inCart;
        await tx
          .insert(cartItems)
          .values({ cartId, variantId: line.variantId, quantity: merged, addedAt: deps.now })
          .onConflictDoUpdate({
            target: [cartItems.cartId, cartItems.variantId],
            set: { quantity: merged },
          });
      }
    }
    await tx.delete(carts).where(eq(carts.id, guestCartId));
  });
}
