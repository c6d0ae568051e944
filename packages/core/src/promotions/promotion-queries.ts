import {
  and,
  type Database,
  eq,
  inArray,
  isNull,
  ne,
  productCollections,
  promotionRedemptions,
  promotions,
  type SQL,
  sql,
} from '@edgecart/db';
import {
  type CartDiscounts,
  type DiscountLine,
  discountsFor,
  unknownCode,
} from './discount-rules.ts';

/** Who is using a promotion, for "once per customer": an account, or a guest's email. */
export function customerKeyOf(customer: {
  userId: string | null;
  email: string | null;
}): string | null {
  if (customer.userId) return `user:${customer.userId}`;
  const email = customer.email?.trim().toLowerCase();
  return email ? `email:${email}` : null;
}

/** A discount code as the shopper typed it: trimmed; null when blank. */
export function typedCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The promotion with this code, matched case-insensitively (archived ones too), or null. */
export async function promotionByCode(db: Database, code: string) {
  const [row] = await db
    .select()
    .from(promotions)
    .where(sql`lower(${promotions.code}) = lower(${code})`);
  return row ?? null;
}

/** The automatic promotions that are switched on (their dates and limits are checked later). */
export function activeAutomaticPromotions(db: Database) {
  return db
    .select()
    .from(promotions)
    .where(and(isNull(promotions.code), eq(promotions.status, 'active')));
}

/** The collections of a product, as an SQL array, for a line's discount targets. */
export const collectionIdsOf = (productId: SQL | unknown) =>
  sql<
    string[]
  >`coalesce((select array_agg(${productCollections.collectionId}) from ${productCollections} where ${productCollections.productId} = ${productId}), '{}'::uuid[])`;

/** The promotions among `ids` this customer holds or kept a use of. */
async function usedBy(db: Database, ids: string[], customerKey: string | null) {
  if (!customerKey || ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ promotionId: promotionRedemptions.promotionId })
    .from(promotionRedemptions)
    .where(
      and(
        inArray(promotionRedemptions.promotionId, ids),
        eq(promotionRedemptions.customerKey, customerKey),
        ne(promotionRedemptions.status, 'released'),
      ),
    );
  return new Set(rows.map((row) => row.promotionId));
}

/**
 * The discounts of a cart with these lines, from the database now: the code
 * on the cart (if any) and the automatic promotions, weighed by the pure
 * rules (`discount-rules.ts`).
 */
export async function cartDiscounts(
  db: Database,
  cart: {
    lines: readonly DiscountLine[];
    currency: string;
    code: string | null;
    now: Date;
    customerKey: string | null;
  },
): Promise<CartDiscounts> {
  // One after another: inside a transaction, the queries share one connection.
  const code = cart.code ? await promotionByCode(db, cart.code) : null;
  const automatic = await activeAutomaticPromotions(db);
  const oncePer = [...(code ? [code] : []), ...automatic].filter((p) => p.oncePerCustomer);
  const used = await usedBy(
    db,
    oncePer.map((p) => p.id),
    cart.customerKey,
  );
  const context = {
    lines: cart.lines,
    currency: cart.currency,
    now: cart.now,
    usedByCustomer: (id: string) => used.has(id),
  };
  const discounts = discountsFor(context, code, automatic);
  if (cart.code && !code) return { ...discounts, codeRefusal: unknownCode(cart.code) };
  return discounts;
}
