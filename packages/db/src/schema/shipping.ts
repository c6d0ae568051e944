import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/** A set of countries that share shipping rates, e.g. "Domestic" or "European Union". */
export const shippingZones = pgTable('shipping_zones', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  position: integer().notNull().default(0),
  createdAt: at().notNull().defaultNow(),
  updatedAt: at().notNull().defaultNow(),
});

/**
 * The countries of each zone. A country is in one zone at most (the primary
 * key), so its rates never depend on which zone a query meets first.
 */
export const shippingZoneCountries = pgTable(
  'shipping_zone_countries',
  {
    /** ISO 3166-1 alpha-2, upper case. */
    country: text().primaryKey(),
    zoneId: uuid()
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('shipping_zone_countries_zone_idx').on(t.zoneId),
    check('shipping_zone_countries_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * One way to ship to a zone, priced in one currency: a flat amount for orders
 * whose weight falls in [minWeightGrams, maxWeightGrams), free from
 * `freeAbove` (a subtotal in minor units) when set.
 */
export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: uuid().primaryKey().defaultRandom(),
    zoneId: uuid()
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** The delivery estimate in business days, as Checkout shows it. */
    minDays: integer().notNull(),
    maxDays: integer().notNull(),
    currency: text().notNull(),
    /** Integer minor units. */
    amount: integer().notNull(),
    freeAbove: integer(),
    minWeightGrams: integer().notNull().default(0),
    /** Exclusive; null for no upper bound. */
    maxWeightGrams: integer(),
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('shipping_rates_zone_idx').on(t.zoneId, t.position),
    check('shipping_rates_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'shipping_rates_amount_check',
      sql`${t.amount} >= 0 and coalesce(${t.freeAbove}, 0) >= 0`,
    ),
    check('shipping_rates_days_check', sql`${t.minDays} >= 0 and ${t.maxDays} >= ${t.minDays}`),
    check(
      'shipping_rates_weight_check',
      sql`${t.minWeightGrams} >= 0 and (${t.maxWeightGrams} is null or ${t.maxWeightGrams} > ${t.minWeightGrams})`,
    ),
  ],
);
