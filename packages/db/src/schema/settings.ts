import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Whether shown prices already hold the tax (EU, UK) or have it added at checkout (US). */
export const taxBehaviors = ['exclusive', 'inclusive'] as const;
export type TaxBehavior = (typeof taxBehaviors)[number];

/** The shop's settings: one row, id 1, made by the migration. */
export const shopSettings = pgTable(
  'shop_settings',
  {
    id: integer().primaryKey().default(1),
    /** Stripe Tax computes tax at checkout (needs Stripe Tax set up in the dashboard). */
    taxEnabled: boolean().notNull().default(false),
    taxBehavior: text({ enum: taxBehaviors }).notNull().default('exclusive'),
    /** Stripe's product tax code for products without one: general tangible goods. */
    defaultTaxCode: text().notNull().default('txcd_99999999'),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('shop_settings_single_row_check', sql`${t.id} = 1`),
    check('shop_settings_tax_behavior_check', sql`${t.taxBehavior} in ('exclusive', 'inclusive')`),
    check('shop_settings_tax_code_check', sql`${t.defaultTaxCode} ~ '^txcd_[0-9]{8}$'`),
  ],
);
