import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { productVariants } from './catalog.ts';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/** The most of one variant a cart may hold. */
export const CART_QUANTITY_MAX = 99;

/**
 * A shopping cart: a signed-in user's (one per user), or a guest's, held by a
 * cookie `<id>.<secret>` in the design of the sessions: the row keeps the id
 * and a SHA-256 of the secret. On log-in a guest cart merges into the user's.
 */
export const carts = pgTable(
  'carts',
  {
    id: text().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** A guest cart's secret hash; null for a user's cart. */
    secretHash: text(),
    /** The discount code the shopper applied, as typed; checked again on every read and at checkout. */
    discountCode: text(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('carts_user_key').on(t.userId),
    index('carts_guest_updated_idx').on(t.updatedAt).where(sql`${t.userId} is null`),
    check('carts_discount_code_check', sql`char_length(${t.discountCode}) <= 40`),
    check(
      'carts_owner_check',
      sql`(${t.userId} is null) <> (${t.secretHash} is null) and (${t.secretHash} is null or ${t.secretHash} ~ '^[0-9a-f]{64}$')`,
    ),
  ],
);

/** One variant in a cart. Prices are never stored here: they are read when the cart is. */
export const cartItems = pgTable(
  'cart_items',
  {
    cartId: text()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    addedAt: at().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    index('cart_items_variant_idx').on(t.variantId),
    check(
      'cart_items_quantity_check',
      sql`${t.quantity} between 1 and ${sql.raw(String(CART_QUANTITY_MAX))}`,
    ),
  ],
);
