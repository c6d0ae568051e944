import { generateSessionToken, parseSessionToken, secretMatches } from '@edgecart/auth';
import { carts, type Database, eq, sql } from '@edgecart/db';

/** Whose cart: a signed-in user's, or a guest's by the token in their cookie (or none yet). */
export type CartOwner = { userId: string } | { guestToken: string | null };

/** The id of the owner's cart, or null when there is none (or the guest token is not valid). */
export async function findCartId(db: Database, owner: CartOwner): Promise<string | null> {
  if ('userId' in owner) {
    const [row] = await db
      .select({ id: carts.id })
      .from(carts)
      .where(eq(carts.userId, owner.userId));
    return row?.id ?? null;
  }
  const parsed = owner.guestToken ? parseSessionToken(owner.guestToken) : null;
  if (!parsed) return null;
  const [row] = await db
    .select({ id: carts.id, secretHash: carts.secretHash })
    .from(carts)
    .where(eq(carts.id, parsed.id));
  return row?.secretHash && secretMatches(parsed.secret, row.secretHash) ? row.id : null;
}

/**
 * The owner's cart, made if there is none; call it inside the transaction of
 * the change. A new guest cart comes with the token for the guest's cookie.
 */
export async function ensureCart(
  db: Database,
  owner: CartOwner,
  now: Date,
): Promise<{ cartId: string; newGuestToken: string | null }> {
  const existing = await findCartId(db, owner);
  if (existing) return { cartId: existing, newGuestToken: null };
  const { token, id, secretHash } = generateSessionToken();
  if ('userId' in owner) {
    // Two first adds at once: one insert wins, the other reads its cart.
    await db
      .insert(carts)
      .values({ id, userId: owner.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: carts.userId });
    const cartId = await findCartId(db, owner);
    if (!cartId) throw new Error('the cart was not created');
    return { cartId, newGuestToken: null };
  }
  await db.insert(carts).values({ id, secretHash, createdAt: now, updatedAt: now });
  return { cartId: id, newGuestToken: token };
}

/** Holds the cart's row until the transaction ends: changes to one cart happen one at a time. */
export async function lockCart(db: Database, cartId: string, now: Date): Promise<void> {
  await db.execute(sql`select 1 from ${carts} where ${carts.id} = ${cartId} for update`);
  await db.update(carts).set({ updatedAt: now }).where(eq(carts.id, cartId));
}
