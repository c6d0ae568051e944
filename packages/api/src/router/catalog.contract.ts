import type { Database } from '@edgecart/db';
import { seedCollections, seedProducts } from '@edgecart/db/seed';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs, RouterOutputs } from '../index.ts';
import { createCaller } from '../root.ts';
import { testContext } from '../testing/test-context.ts';

type Caller = ReturnType<typeof createCaller>;
type ListInput = RouterInputs['catalog']['products'];
type Summary = RouterOutputs['catalog']['products']['items'][number];

export interface SeededDatabase {
  db: Database;
  close: () => Promise<void>;
}

async function expectCode(promise: Promise<unknown>, code: TRPCError['code'], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}

async function listAll(caller: Caller, input: Omit<ListInput, 'cursor'>): Promise<Summary[]> {
  const all: Summary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: RouterOutputs['catalog']['products'] = await caller.catalog.products({
      ...input,
      cursor,
    });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('pagination did not end');
}

const seededWith = (word: string) =>
  seedProducts.filter((p) => `${p.title} ${p.description}`.toLowerCase().includes(word));

/**
 * The catalog's behaviour through the tRPC caller, run against every database
 * driver: PGlite in-process, and the Neon driver against a real PostgreSQL.
 */
export function describeCatalogContract(driver: string, open: () => Promise<SeededDatabase>) {
  describe(`catalog router on ${driver}`, () => {
    let handle: SeededDatabase;
    let caller: Caller;

    beforeAll(async () => {
      handle = await open();
      caller = createCaller(testContext(handle.db));
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('pages through every seeded product once, in each sort, without gaps or repeats', async () => {
      for (const sort of ['featured', 'newest', 'price-asc', 'price-desc', 'name'] as const) {
        const all = await listAll(caller, { sort, limit: 7 });
        expect(all.map((p) => p.slug).sort()).toEqual(seedProducts.map((p) => p.slug).sort());
      }
    });

    it('orders by price, name, newness and featured rank', async () => {
      const asc = (await listAll(caller, { sort: 'price-asc', limit: 48 })).map(
        (p) => p.priceFrom.amount,
      );
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      const desc = (await listAll(caller, { sort: 'price-desc', limit: 48 })).map(
        (p) => p.priceFrom.amount,
      );
      expect(desc).toEqual([...desc].sort((a, b) => b - a));

      const newest = await listAll(caller, { sort: 'newest', limit: 48 });
      const byAge = [...seedProducts].sort((a, b) => a.createdDaysAgo - b.createdDaysAgo);
      expect(newest[0]?.slug).toBe(byAge[0]?.slug);

      const featured = await caller.catalog.products({ sort: 'featured', limit: 3 });
      const ranked = seedProducts
        .filter((p) => p.featuredRank !== null)
        .sort((a, b) => (a.featuredRank ?? 0) - (b.featuredRank ?? 0));
      expect(featured.items.map((p) => p.slug)).toEqual(ranked.slice(0, 3).map((p) => p.slug));

      const names = (await listAll(caller, { sort: 'name', limit: 48 })).map((p) => p.title);
      expect(names[0]).toBe(
        [...seedProducts].sort((a, b) => (a.title < b.title ? -1 : 1))[0]?.title,
      );
    });

    it('finds products by every word of a search, case-insensitively', async () => {
      const wool = await listAll(caller, { q: 'WOOL', limit: 48 });
      expect(wool.length).toBeGreaterThan(0);
      expect(wool.map((p) => p.slug).sort()).toEqual(
        seededWith('wool')
          .map((p) => p.slug)
          .sort(),
      );

      const none = await caller.catalog.products({ q: 'zzqx-no-such-thing' });
      expect(none).toEqual({ items: [], nextCursor: null });
    });

    it('treats LIKE wildcards in a search as plain characters', async () => {
      const percent = await caller.catalog.products({ q: '%' });
      expect(percent.items.length).toBe(seededWith('%').length);
      const underscore = await caller.catalog.products({ q: '_' });
      expect(underscore.items.length).toBe(seededWith('_').length);
    });

    it('filters by collection, price range and stock', async () => {
      const collection = seedCollections[0];
      if (!collection) throw new Error('no seeded collection');
      const inCollection = await listAll(caller, { collection: collection.slug, limit: 48 });
      const expected = seedProducts.filter((p) => p.collections.includes(collection.slug));
      expect(inCollection.map((p) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());

      const ranged = await listAll(caller, { minPrice: 2000, maxPrice: 5000, limit: 48 });
      expect(ranged.length).toBeGreaterThan(0);
      for (const p of ranged) {
        expect(p.priceFrom.amount).toBeGreaterThanOrEqual(2000);
        expect(p.priceFrom.amount).toBeLessThanOrEqual(5000);
      }

      const everything = await listAll(caller, { limit: 48 });
      expect(everything.some((p) => p.stockState === 'out_of_stock')).toBe(true);
      const inStock = await listAll(caller, { inStock: true, limit: 48 });
      expect(inStock.every((p) => p.stockState !== 'out_of_stock')).toBe(true);
      const soldOut = seedProducts.filter((p) => p.variants.every((v) => v.stock === 0));
      expect(inStock.length).toBe(seedProducts.length - soldOut.length);
    });

    it('gives a product by slug with its variants, options and stock state', async () => {
      const seeded = seedProducts.find((p) => p.variants.length > 1);
      if (!seeded) throw new Error('no product with variants');
      const product = await caller.catalog.product({ slug: seeded.slug });
      expect(product.title).toBe(seeded.title);
      expect(product.variants.map((v) => v.sku)).toEqual(seeded.variants.map((v) => v.sku));
      for (const [i, v] of product.variants.entries()) {
        const stock = seeded.variants[i]?.stock ?? -1;
        expect(v.stockState).toBe(
          stock === 0 ? 'out_of_stock' : stock <= 5 ? 'low_stock' : 'in_stock',
        );
        expect(v.remaining).toBe(stock > 0 && stock <= 5 ? stock : null);
      }
      expect(product.options.map((o) => o.name)).toEqual(
        Object.keys(seeded.variants[0]?.options ?? {}),
      );
      expect(product.images).toHaveLength(seeded.images.length);
      expect(product.collections.map((c) => c.slug).sort()).toEqual([...seeded.collections].sort());
    });

    it('answers NOT_FOUND for an unknown product or collection', async () => {
      await expectCode(
        caller.catalog.product({ slug: 'no-such-product' }),
        'NOT_FOUND',
        /no-such-product/,
      );
      await expectCode(caller.catalog.collection({ slug: 'no-such-collection' }), 'NOT_FOUND');
    });

    it('lists collections with their product counts', async () => {
      const all = await caller.catalog.collections();
      expect(all.map((c) => c.slug)).toEqual(seedCollections.map((c) => c.slug));
      for (const c of all) {
        expect(c.productCount).toBe(
          seedProducts.filter((p) => p.collections.includes(c.slug)).length,
        );
      }
      const featured = await caller.catalog.collections({ featuredOnly: true });
      expect(featured.map((c) => c.slug)).toEqual(
        seedCollections.filter((c) => c.featured).map((c) => c.slug),
      );
    });

    it('rejects bad input with BAD_REQUEST and a clear message', async () => {
      const bad = caller.catalog.products as (input: unknown) => Promise<unknown>;
      await expectCode(bad({ limit: 0 }), 'BAD_REQUEST', /at least one/);
      await expectCode(bad({ limit: 49 }), 'BAD_REQUEST', /at most 48/);
      await expectCode(bad({ limit: 1e9 }), 'BAD_REQUEST');
      await expectCode(bad({ limit: 2.5 }), 'BAD_REQUEST');
      await expectCode(bad({ q: 'x'.repeat(100_000) }), 'BAD_REQUEST', /at most 100/);
      await expectCode(bad({ sort: 'popularity' }), 'BAD_REQUEST', /sort/);
      await expectCode(bad({ cursor: 'not-a-cursor' }), 'BAD_REQUEST', /Invalid cursor/);
      await expectCode(bad({ cursor: 'x'.repeat(5000) }), 'BAD_REQUEST');
      await expectCode(bad({ minPrice: -1 }), 'BAD_REQUEST');
      await expectCode(bad({ minPrice: 5000, maxPrice: 100 }), 'BAD_REQUEST', /lowest price/);
      await expectCode(bad({ collection: 'Robert"); drop table products;--' }), 'BAD_REQUEST');
      await expectCode(bad('nonsense'), 'BAD_REQUEST');
      const page = await caller.catalog.products({ sort: 'price-asc', limit: 2 });
      await expectCode(
        caller.catalog.products({ sort: 'name', cursor: page.nextCursor }),
        'BAD_REQUEST',
        /belongs to the "price-asc" sort/,
      );
      const slug = caller.catalog.product as (input: unknown) => Promise<unknown>;
      await expectCode(slug({ slug: '' }), 'BAD_REQUEST');
      await expectCode(slug({ slug: 'a'.repeat(10_000) }), 'BAD_REQUEST');
      await expectCode(slug({ slug: '../etc/passwd' }), 'BAD_REQUEST');
      // Nothing was changed by any of it.
      expect((await listAll(caller, { limit: 48 })).length).toBe(seedProducts.length);
    });
  });
}
