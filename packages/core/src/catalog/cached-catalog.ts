import type { ReadThrough } from '@edgecart/cache';
import { type Database, eq, inArray, products, productVariants } from '@edgecart/db';
import { NotFoundError } from '../errors.ts';
import { catalogTags, tagsOf } from './cache-tags.ts';

export { CATALOG_CACHE_NAMESPACE, CATALOG_CACHE_VERSION } from './cache-tags.ts';

import { getCollectionBySlug, listCollections } from './collections.ts';
import { getProductBySlug } from './get-product.ts';
import { type ListProductsParams, listProducts } from './list-products.ts';
import { searchTerms } from './search.ts';
import { StockChanges } from './stock-changes.ts';
import type { CollectionSummary, ProductDetail, ProductPage } from './types.ts';

/**
 * How long an entry lives. Invalidation makes entries stale at once; this
 * bounds how stale one can get when an invalidation could not reach the
 * cache (it was down while reads still went to it, or came back in between).
 */
export const CATALOG_TTL_SECONDS = 30;

export interface CatalogReads {
  listProducts(params: ListProductsParams): Promise<ProductPage>;
  getProductBySlug(slug: string): Promise<ProductDetail>;
  listCollections(options?: { featuredOnly?: boolean | undefined }): Promise<CollectionSummary[]>;
  getCollectionBySlug(slug: string): Promise<CollectionSummary>;
}

/** The query's key: equal searches give equal keys, whatever their case and spacing. */
export function productListKey(params: ListProductsParams): string {
  return `products:${JSON.stringify([
    // Every word must match, in any order: the order and repeats do not change the answer.
    [...new Set(searchTerms(params.q))].sort().join(' '),
    params.collection ?? '',
    params.minPrice ?? null,
    params.maxPrice ?? null,
    params.inStock === true,
    params.sort,
    params.cursor ?? '',
    params.limit,
  ])}`;
}

/**
 * Whether a list is one of the catalog's own views, which are few: a
 * collection, the in-stock filter, a sort and a page size, from the first
 * page. A search, a price range or a cursor can be anything a client types,
 * so those lists are read through the cache (concurrent misses still share a
 * read) but never stored: no client can fill the cache with entries.
 */
export const storedList = (params: ListProductsParams): boolean =>
  searchTerms(params.q).length === 0 &&
  params.minPrice == null &&
  params.maxPrice == null &&
  !params.cursor;

/**
 * Catalog reads through the cache when there is one, straight from the
 * database otherwise. Only what exists is stored: an unknown slug is read
 * from the database each time (one indexed query), so that random slugs
 * cannot fill the cache.
 */
export function catalogReads(db: Database, cache: ReadThrough | null): CatalogReads {
  const read = <T>(
    key: string,
    tags: string[],
    load: () => Promise<T>,
    storable?: (value: T) => boolean,
  ) =>
    cache
      ? cache.read({
          key,
          tags,
          ttlSeconds: CATALOG_TTL_SECONDS,
          load,
          ...(storable && { storable }),
        })
      : load();
  const orNull = async <T>(load: () => Promise<T>): Promise<T | null> => {
    try {
      return await load();
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  };
  const found = (value: unknown) => value !== null;
  return {
    listProducts: (params) =>
      read(
        productListKey(params),
        tagsOf.productList(),
        () => listProducts(db, params),
        () => storedList(params),
      ),
    async getProductBySlug(slug) {
      const product = await read(
        `product:${slug}`,
        tagsOf.product(slug),
        () => orNull(() => getProductBySlug(db, slug)),
        found,
      );
      if (!product) throw new NotFoundError(`No product is called "${slug}".`);
      return product;
    },
    listCollections: (options = {}) =>
      read(`collections:${options.featuredOnly ? 'featured' : 'all'}`, tagsOf.collections(), () =>
        listCollections(db, options),
      ),
    async getCollectionBySlug(slug) {
      const collection = await read(
        `collection:${slug}`,
        tagsOf.collections(),
        () => orNull(() => getCollectionBySlug(db, slug)),
        found,
      );
      if (!collection) throw new NotFoundError(`No collection is called "${slug}".`);
      return collection;
    },
  };
}

/**
 * Tells the cache that products, variants, prices or collections changed:
 * every catalog entry and page is read again. Call it once the change has
 * committed. Never throws.
 */
export async function announceCatalogChange(cache: ReadThrough | null): Promise<void> {
  await cache?.invalidate([catalogTags.catalog]);
}

/**
 * Runs `work` with a record of the stock it moves, and announces that stock
 * to the catalog cache once `work` is over: after its transactions commit,
 * and also after a failure, which may have committed some of it. Every entry
 * that moves stock (a tRPC call, the webhook, the sweep) goes through here.
 */
export async function withStockAnnounced<T>(
  db: Database,
  cache: ReadThrough | null,
  work: (stockChanges: StockChanges) => Promise<T>,
): Promise<T> {
  const stockChanges = new StockChanges();
  try {
    return await work(stockChanges);
  } finally {
    await announceStockChanges(db, cache, stockChanges);
  }
}

/**
 * Tells the cache that these variants' stock moved: their products' pages
 * and every listing are read again. Call it once the transactions that moved
 * the stock have committed. Never throws (a failure is logged by the cache).
 */
export async function announceStockChanges(
  db: Database,
  cache: ReadThrough | null,
  changes: StockChanges,
): Promise<void> {
  const variantIds = changes.take();
  if (!cache || variantIds.length === 0) return;
  let slugs: string[];
  try {
    const rows = await db
      .selectDistinct({ slug: products.slug })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(inArray(productVariants.id, variantIds));
    slugs = rows.map((r) => r.slug);
  } catch {
    // Without the slugs, every product page goes.
    await cache.invalidate([catalogTags.catalog]);
    return;
  }
  await cache.invalidate(tagsOf.stockChange(slugs));
}
