import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type; the database fills it (migration 0015's triggers). */
const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Millisecond precision, so a timestamp survives a round trip through JSON (cursors). */
const createdAt = () => timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow();

export const collections = pgTable(
  'collections',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    featured: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('collections_slug_key').on(t.slug)],
);

export const productStatus = ['active', 'draft', 'archived'] as const;
export type ProductStatus = (typeof productStatus)[number];

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    status: text({ enum: productStatus }).notNull().default('active'),
    /** Lower ranks come first in the "featured" sort; null means not featured. */
    featuredRank: integer(),
    /** ISO 4217: every variant of a product is priced in it (a foreign key on variants). */
    currency: text().notNull().default('USD'),
    /** False for what is never posted (a gift card, a download): a cart of only such asks no address. */
    requiresShipping: boolean().notNull().default(true),
    /** Stripe Tax's product tax code (txcd_…); null: the shop's default. */
    taxCode: text(),
    /**
     * What search matches, weighted: the title (A), its collections' names
     * (B), SKUs and option values (C), the description (D). Kept by triggers
     * on products, variants and collections; never written by the app.
     */
    searchVector: tsvector(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_search_idx').using('gin', t.searchVector),
    // The target of the variants' (product_id, currency) key.
    uniqueIndex('products_id_currency_key').on(t.id, t.currency),
    check('products_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('products_created_at_idx').on(t.createdAt),
    check('products_status_check', sql`${t.status} in ('active', 'draft', 'archived')`),
    check('products_tax_code_check', sql`${t.taxCode} is null or ${t.taxCode} ~ '^txcd_[0-9]{8}$'`),
  ],
);

export const productCollections = pgTable(
  'product_collections',
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    collectionId: uuid()
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.collectionId] }),
    index('product_collections_collection_idx').on(t.collectionId),
  ],
);

export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    title: text().notNull(),
    /** Option name → value, e.g. { Size: 'M', Colour: 'Forest' }. */
    options: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Integer minor units (cents) in `currency`. */
    price: integer().notNull(),
    currency: text().notNull().default('USD'),
    stock: integer().notNull().default(0),
    /** Shipping weight of one unit, for the rates' weight bands. */
    weightGrams: integer().notNull().default(0),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('product_variants_sku_key').on(t.sku),
    check('product_variants_weight_check', sql`${t.weightGrams} >= 0`),
    index('product_variants_product_idx').on(t.productId),
    check('product_variants_price_check', sql`${t.price} >= 0`),
    check('product_variants_stock_check', sql`${t.stock} >= 0`),
    check('product_variants_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    // One currency per product: a variant's must be its product's.
    foreignKey({
      name: 'product_variants_product_currency_fkey',
      columns: [t.productId, t.currency],
      foreignColumns: [products.id, products.currency],
    })
      .onUpdate('cascade')
      .onDelete('cascade'),
  ],
);

/**
 * A photo a merchant uploaded, stored in the media bucket (R2) under a key
 * made of its content's SHA-256, so the same file is stored once and its URL
 * never changes meaning (served with immutable caching). A photo no product
 * uses a day after its upload is deleted by the scheduled run.
 */
export const media = pgTable(
  'media',
  {
    /** `photos/<sha256 hex>.<jpg|png|webp|avif>`; served at `/media/<key>`. */
    key: text().primaryKey(),
    contentType: text().notNull(),
    bytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('media_key_check', sql`${t.key} ~ '^photos/[0-9a-f]{64}[.](jpg|png|webp|avif)$'`),
    index('media_created_idx').on(t.createdAt),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    alt: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    position: integer().notNull().default(0),
    /** The uploaded photo it shows; null for the shop's bundled images. */
    mediaKey: text().references(() => media.key),
  },
  (t) => [
    index('product_images_product_idx').on(t.productId),
    index('product_images_media_idx').on(t.mediaKey),
  ],
);

/**
 * The words of product titles and collection names, for "Did you mean …":
 * a misspelled search word is matched to the nearest of these by trigram
 * similarity (`pg_trgm`). Kept by the same triggers; a word whose product is
 * gone may linger, and a suggestion is only made when it finds products.
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text().primaryKey(),
  },
  (t) => [index('search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);

/**
 * A catalog import: the file's dry run (its report, by line and column),
 * then its application in batches (`applied` of `total` products), by the
 * admin's page and the scheduled run alike. Deleted with its items 30 days on.
 */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    fileName: text().notNull(),
    /** ready: checked, nothing wrong; refused: problems, never applied; applying; applied. */
    status: text().$type<'ready' | 'refused' | 'applying' | 'applied'>().notNull(),
    report: jsonb().notNull(),
    total: integer().notNull(),
    applied: integer().notNull().default(0),
    actor: text().notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    check(
      'catalog_imports_status_check',
      sql`${t.status} in ('ready', 'refused', 'applying', 'applied')`,
    ),
    check('catalog_imports_applied_check', sql`${t.applied} between 0 and ${t.total}`),
    index('catalog_imports_created_idx').on(t.createdAt),
  ],
);

/** One product of an import, as the file describes it, in the file's order. */
export const catalogImportItems = pgTable(
  'catalog_import_items',
  {
    importId: uuid()
      .notNull()
      .references(() => catalogImports.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    product: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.position] })],
);
