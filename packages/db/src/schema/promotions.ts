import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orders } from './orders.ts';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/** `active` applies; `paused` is kept for later; `archived` is over and hidden from the list. */
export const promotionStatuses = ['active', 'paused', 'archived'] as const;
export type PromotionStatus = (typeof promotionStatuses)[number];

/**
 * A discount: a code a shopper types (case-insensitive, unique), or
 * automatic (no code). It takes a percentage or a fixed amount off the items
 * it targets (the whole order, or the products and collections named), makes
 * shipping free, or both. `timesUsed` counts the redemptions held by pending
 * orders and kept by paid ones: it is raised by a conditional update in the
 * checkout's transaction, and a check constraint holds it under the limit.
 */
export const promotions = pgTable(
  'promotions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** As the merchant typed it; matched case-insensitively. Null: automatic. */
    code: text(),
    /** What the shopper sees next to the discount (the code, or the automatic one's name). */
    title: text().notNull(),
    status: text({ enum: promotionStatuses }).notNull().default('active'),
    /** 1 to 100. */
    percentOff: integer(),
    /** Integer minor units of `currency`. */
    amountOff: integer(),
    /** Required with `amountOff` or `minSubtotal`: a cart in another currency does not qualify. */
    currency: text(),
    freeShipping: boolean().notNull().default(false),
    /** The cart's subtotal (before discounts) must reach this, in `currency`. */
    minSubtotal: integer(),
    startsAt: at(),
    endsAt: at(),
    /** Uses across all shoppers; null: unlimited. */
    usageLimit: integer(),
    timesUsed: integer().notNull().default(0),
    /** One use per account, and per email for a guest. */
    oncePerCustomer: boolean().notNull().default(false),
    /** A code: whether automatic discounts still apply beside it. Automatic: whether it applies beside a code. */
    combinesWithAutomatic: boolean().notNull().default(false),
    /** Targets; both empty: the whole order. */
    productIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    collectionIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promotions_code_key').on(sql`lower(${t.code})`),
    index('promotions_automatic_idx').on(t.status).where(sql`${t.code} is null`),
    check('promotions_status_check', sql`${t.status} in ('active', 'paused', 'archived')`),
    check(
      'promotions_code_check',
      sql`${t.code} is null or ${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$'`,
    ),
    check(
      'promotions_benefit_check',
      sql`(${t.percentOff} is null or ${t.amountOff} is null) and (${t.percentOff} is not null or ${t.amountOff} is not null or ${t.freeShipping})`,
    ),
    check(
      'promotions_amounts_check',
      sql`(${t.percentOff} is null or ${t.percentOff} between 1 and 100) and (${t.amountOff} is null or ${t.amountOff} > 0) and (${t.minSubtotal} is null or ${t.minSubtotal} >= 0)`,
    ),
    check(
      'promotions_currency_check',
      sql`(${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$') and (${t.currency} is not null or (${t.amountOff} is null and ${t.minSubtotal} is null))`,
    ),
    check(
      'promotions_uses_check',
      sql`${t.timesUsed} >= 0 and (${t.usageLimit} is null or (${t.usageLimit} > 0 and ${t.timesUsed} <= ${t.usageLimit}))`,
    ),
    check(
      'promotions_window_check',
      sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`,
    ),
  ],
);

/**
 * A use of a promotion by an order: `held` while the order is pending (it
 * counts against the limit), `kept` once paid, `released` when the checkout
 * is cancelled or expires (the use is given back). A refund keeps it. With
 * `oncePerCustomer`, `customerKey` (`user:<id>` or `email:<address>`) is
 * unique among the uses not released.
 */
export const promotionRedemptionStatuses = ['held', 'kept', 'released'] as const;
export type PromotionRedemptionStatus = (typeof promotionRedemptionStatuses)[number];

export const promotionRedemptions = pgTable(
  'promotion_redemptions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    promotionId: uuid()
      .notNull()
      .references(() => promotions.id, { onDelete: 'restrict' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Set when the promotion is once per customer. */
    customerKey: text(),
    /** The discount it gave the order, in the order's minor units. */
    amount: integer().notNull(),
    status: text({ enum: promotionRedemptionStatuses }).notNull().default('held'),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promotion_redemptions_order_key').on(t.promotionId, t.orderId),
    uniqueIndex('promotion_redemptions_customer_key')
      .on(t.promotionId, t.customerKey)
      .where(sql`${t.customerKey} is not null and ${t.status} <> 'released'`),
    index('promotion_redemptions_order_idx').on(t.orderId),
    check('promotion_redemptions_amount_check', sql`${t.amount} >= 0`),
    check('promotion_redemptions_status_check', sql`${t.status} in ('held', 'kept', 'released')`),
  ],
);
