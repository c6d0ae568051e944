import type { ReadThrough } from '@edgecart/cache';
import {
  collections,
  type Database,
  eq,
  productImages,
  products,
  productVariants,
  users,
} from '@edgecart/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart } from '../cart/change-cart.ts';
import { cancelPendingOrder } from '../checkout/order-lifecycle.ts';
import { placeOrder } from '../checkout/place-order.ts';
import { NotFoundError } from '../errors.ts';
import { insertProduct } from '../testing/fixtures.ts';
import { catalogTags } from './cache-tags.ts';
import {
  announceCatalogChange,
  announceStockChanges,
  CATALOG_CACHE_VERSION,
  type CatalogReads,
  catalogReads,
  productListKey,
  storedList,
} from './cached-catalog.ts';
import type { ListProductsParams } from './list-products.ts';
import { StockChanges } from './stock-changes.ts';

/** The keys of a value, recursively: what a cached entry's shape is made of. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/**
 * The catalog through the cache, on a database and a cache adapter: what it
 * answers from the cache, and what makes it read the database again.
 */
export function describeCachedCatalogContract(
  name: string,
  open: () => Promise<{ db: Database; cache: ReadThrough; close: () => Promise<void> }>,
) {
  describe(`the cached catalog on ${name}`, () => {
    let db: Database;
    let cache: ReadThrough;
    let catalog: CatalogReads;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cache, close } = await open());
      catalog = catalogReads(db, cache);
    });
    afterAll(async () => {
      await close?.();
    });

    async function product(stocks: number[], price = 4500) {
      const { productId, slug, variantIds } = await insertProduct(db, {
        prefix: 'cached',
        noun: 'Lantern',
        variants: stocks.map((stock, i) => ({ stock, price, options: { size: String(i) } })),
      });
      await db.insert(productImages).values({
        productId,
        url: `/images/${slug}.webp`,
        alt: 'A lantern',
        width: 800,
        height: 800,
        position: 0,
      });
      return { slug, id: productId, variantIds };
    }
    /** A change made behind the cache's back, as an admin's write is before it is announced. */
    const setPrice = (variantId: string, price: number) =>
      db.update(productVariants).set({ price }).where(eq(productVariants.id, variantId));
    const search = (q: string) => ({ q, sort: 'featured' as const, limit: 12 });
    /** A view the cache stores (no search): the newest products, where a new one comes first. */
    const newest = { sort: 'newest' as const, limit: 48 };
    const listed = async (slug: string, view: ListProductsParams = newest) =>
      (await catalog.listProducts(view)).items.find((item) => item.slug === slug);

    it('answers a second read from the cache, and reads again once the catalog tag moves', async () => {
      const { slug, variantIds } = await product([5]);
      const [variant = ''] = variantIds;
      expect((await catalog.getProductBySlug(slug)).priceFrom.amount).toBe(4500);
      await setPrice(variant, 5200);
      // A hit: the database changed, the cached answer did not.
      expect((await catalog.getProductBySlug(slug)).priceFrom.amount).toBe(4500);
      expect((await listed(slug))?.priceFrom.amount).toBe(5200);
      await setPrice(variant, 5900);
      expect((await listed(slug))?.priceFrom.amount).toBe(5200);
      await announceCatalogChange(cache);
      expect((await catalog.getProductBySlug(slug)).priceFrom.amount).toBe(5900);
      expect((await listed(slug))?.priceFrom.amount).toBe(5900);
    });

    it('shows stock taken by a checkout, and given back by a cancellation, as soon as they are announced', async () => {
      const { slug, variantIds } = await product([3, 9]);
      const [scarce = '', plenty = ''] = variantIds;
      const other = await product([4]);
      const before = await catalog.getProductBySlug(slug);
      expect(before.variants.map((v) => [v.stockState, v.remaining])).toEqual([
        ['low_stock', 3],
        ['in_stock', null],
      ]);
      expect((await catalog.getProductBySlug(other.slug)).stockState).toBe('low_stock');
      expect(await listed(slug, { ...newest, inStock: true })).toBeDefined();

      const [user] = await db
        .insert(users)
        .values({ email: `cached-${crypto.randomUUID()}@example.com`, passwordHash: 'x' })
        .returning({ id: users.id });
      const owner = { userId: user?.id ?? '' };
      const now = new Date();
      await addToCart({ db, now }, owner, { variantId: scarce, quantity: 3 });
      const changes = new StockChanges();
      const order = await placeOrder({ db, now, stockChanges: changes }, owner, { email: null });
      expect([...changes.variantIds]).toEqual([scarce]);
      // Not announced yet: the cache still holds the stock from before.
      expect((await catalog.getProductBySlug(slug)).variants[0]?.remaining).toBe(3);

      await announceStockChanges(db, cache, changes);
      const after = await catalog.getProductBySlug(slug);
      expect(after.variants.map((v) => v.stockState)).toEqual(['out_of_stock', 'in_stock']);
      expect(after.variants[1]?.id).toBe(plenty);
      // Only what the order touched was read again.
      await setPrice(other.variantIds[0] ?? '', 1);
      expect((await catalog.getProductBySlug(other.slug)).priceFrom.amount).toBe(4500);

      const released = new StockChanges();
      await cancelPendingOrder({ db, now, stockChanges: released }, order.id, 'test');
      await announceStockChanges(db, cache, released);
      expect((await catalog.getProductBySlug(slug)).variants[0]?.remaining).toBe(3);
    });

    it('takes a sold-out product out of in-stock listings once its stock change is announced', async () => {
      const { slug, variantIds } = await product([1]);
      const listing = { ...newest, inStock: true };
      expect(await listed(slug, listing)).toBeDefined();
      await db
        .update(productVariants)
        .set({ stock: 0 })
        .where(eq(productVariants.id, variantIds[0] ?? ''));
      const changes = new StockChanges();
      changes.record(variantIds[0] ?? '');
      await announceStockChanges(db, cache, changes);
      expect(await listed(slug, listing)).toBeUndefined();
    });

    it('stores no search, price range or cursor: what a client types never fills the cache', async () => {
      const { slug, variantIds } = await product([5]);
      const [variant = ''] = variantIds;
      const views = [search(slug), { ...newest, minPrice: 1 }, { ...newest, maxPrice: 1_000_000 }];
      for (const view of views) expect((await listed(slug, view))?.priceFrom.amount).toBe(4500);
      await setPrice(variant, 5200);
      // Read from the database again, though nothing was announced.
      for (const view of views) expect((await listed(slug, view))?.priceFrom.amount).toBe(5200);
      // A cursor can be forged as freely as a search.
      const page = await catalog.listProducts({ ...newest, limit: 1 });
      const next = { ...newest, limit: 1, cursor: page.nextCursor ?? undefined };
      expect(storedList(next)).toBe(false);
      expect(storedList(newest)).toBe(true);
    });

    it('stores nothing for a slug that names nothing: a product added later is found at once', async () => {
      const slug = `later-${crypto.randomUUID().slice(0, 8)}`;
      await expect(catalog.getProductBySlug(slug)).rejects.toBeInstanceOf(NotFoundError);
      await db
        .insert(products)
        .values({ slug, title: 'Late', description: '', currency: 'EUR' })
        .returning({ id: products.id })
        .then(([row]) =>
          db.insert(productVariants).values({
            productId: row?.id ?? '',
            sku: slug,
            title: 'One',
            price: 100,
            currency: 'EUR',
            stock: 1,
          }),
        );
      expect((await catalog.getProductBySlug(slug)).title).toBe('Late');
    });

    it('gives equal searches one key, whatever their case, spacing and word order', () => {
      const base = { sort: 'featured' as const, limit: 12 };
      expect(productListKey({ ...base, q: '  Wool   COAT ' })).toBe(
        productListKey({ ...base, q: 'coat wool' }),
      );
      expect(productListKey({ ...base, q: 'coat' })).not.toBe(
        productListKey({ ...base, q: 'coat', inStock: true }),
      );
      expect(productListKey({ ...base, q: '' })).toBe(productListKey(base));
    });

    it('stores the shapes its version names', async () => {
      const { slug } = await product([2]);
      await db.insert(collections).values({ slug: `c-${slug}`, title: 'Lanterns' });
      await cache.invalidate([catalogTags.catalog]);
      const stored = {
        version: CATALOG_CACHE_VERSION,
        page: shape(await catalog.listProducts(search(slug))),
        product: shape(await catalog.getProductBySlug(slug)),
        collections: shape(await catalog.listCollections()),
      };
      // Changed a type in catalog/types.ts? Bump CATALOG_CACHE_VERSION, then update this.
      expect(stored).toEqual({
        version: 2,
        page: {
          items: [
            {
              id: 'string',
              image: { alt: 'string', height: 'number', url: 'string', width: 'number' },
              priceFrom: { amount: 'number', currency: 'string' },
              priceTo: { amount: 'number', currency: 'string' },
              slug: 'string',
              stockState: 'string',
              title: 'string',
              titleParts: [{ match: 'boolean', text: 'string' }],
            },
          ],
          nextCursor: 'null',
        },
        product: {
          collections: [],
          description: 'string',
          id: 'string',
          image: { alt: 'string', height: 'number', url: 'string', width: 'number' },
          images: [{ alt: 'string', height: 'number', url: 'string', width: 'number' }],
          options: [{ name: 'string', values: ['string'] }],
          priceFrom: { amount: 'number', currency: 'string' },
          priceTo: { amount: 'number', currency: 'string' },
          slug: 'string',
          stockState: 'string',
          title: 'string',
          variants: [
            {
              id: 'string',
              options: { size: 'string' },
              price: { amount: 'number', currency: 'string' },
              remaining: 'number',
              sku: 'string',
              stockState: 'string',
              title: 'string',
            },
          ],
        },
        collections: [
          {
            description: 'string',
            featured: 'boolean',
            productCount: 'number',
            slug: 'string',
            title: 'string',
          },
        ],
      });
    });
  });
}
