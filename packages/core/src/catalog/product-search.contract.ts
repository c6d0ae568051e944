import {
  collections,
  type Database,
  eq,
  productCollections,
  products,
  productVariants,
} from '@edgecart/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { listProducts } from './list-products.ts';
import type { ProductSort } from './sorts.ts';

/**
 * Search that finds what shoppers mean, on every database driver: stemming,
 * several words, phrases, minus words, SKUs, option values and collection
 * names, ranked, typo-tolerant, highlighted and paged by keyset.
 */
export function describeProductSearchContract(driver: string, open: OpenDatabase) {
  describe(`product search on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });

    async function product(p: {
      title: string;
      description: string;
      skus?: string[];
      colour?: string;
      collection?: string;
    }) {
      const slug = `${p.title.toLowerCase().replaceAll(' ', '-')}-${crypto.randomUUID().slice(0, 6)}`;
      const [row] = await db
        .insert(products)
        .values({ slug, title: p.title, description: p.description, currency: 'USD' })
        .returning({ id: products.id });
      const id = row?.id ?? '';
      await db.insert(productVariants).values(
        (p.skus ?? [slug]).map((sku) => ({
          productId: id,
          sku,
          title: p.colour ?? 'Default',
          options: (p.colour ? { Colour: p.colour } : {}) as Record<string, string>,
          price: 2_000,
          currency: 'USD',
          stock: 5,
        })),
      );
      if (p.collection) {
        const [existing] = await db
          .select({ id: collections.id })
          .from(collections)
          .where(eq(collections.title, p.collection));
        const collectionId =
          existing?.id ??
          (
            await db
              .insert(collections)
              .values({
                slug: `c-${crypto.randomUUID().slice(0, 8)}`,
                title: p.collection,
              })
              .returning({ id: collections.id })
          )[0]?.id ??
          '';
        await db.insert(productCollections).values({ productId: id, collectionId });
      }
      return slug;
    }

    const slugs: Record<string, string> = {};
    beforeAll(async () => {
      slugs.lantern = await product({
        title: 'Trail Lantern',
        description: 'A bright LED camping lantern for the tent.',
        skus: ['LNT-001', 'LNT-002'],
        colour: 'Forest',
        collection: 'Camping Lights',
      });
      slugs.headlamp = await product({
        title: 'Headlamp',
        description: 'Hands-free light for the trail; lighter than a lantern.',
        collection: 'Camping Lights',
      });
      slugs.beanie = await product({
        title: 'Wool Beanie',
        description: 'A merino wool hat.',
        skus: ['BNE-RED'],
        colour: 'Crimson',
      });
      slugs.stove = await product({
        title: 'Camping Stove',
        description: 'Boils water fast.',
      });
    });

    const find = async (q: string, sort: ProductSort = 'relevance') => {
      const page = await listProducts(db, { q, sort, limit: 24 });
      const names = Object.fromEntries(Object.entries(slugs).map(([k, v]) => [v, k]));
      return { ...page, found: page.items.map((item) => names[item.slug] ?? item.slug) };
    };

    it('finds plural and singular alike, the title match ranked first, and marks the matched words', async () => {
      const { found, items } = await find('lanterns');
      expect(found).toEqual(['lantern', 'headlamp']);
      expect(items[0]?.titleParts).toEqual([
        { text: 'Trail ', match: false },
        { text: 'Lantern', match: true },
      ]);
      expect((await find('lantern')).found).toEqual(['lantern', 'headlamp']);
    });

    it('needs every word of several, and honours a "quoted phrase" and a -minus word', async () => {
      expect((await find('led camping lantern')).found).toEqual(['lantern']);
      expect((await find('"camping stove"')).found).toEqual(['stove']);
      expect((await find('"stove camping"')).found).toEqual([]);
      expect((await find('lantern -headlamp')).found).toEqual(['lantern']);
      expect((await find('camping -lantern')).found).toEqual(['stove']);
    });

    it('finds by SKU, option value and collection name', async () => {
      expect((await find('LNT-002')).found).toEqual(['lantern']);
      expect((await find('crimson')).found).toEqual(['beanie']);
      expect((await find('lights')).found.sort()).toEqual(['headlamp', 'lantern']);
    });

    it('corrects a misspelled search that finds nothing, and says what it searched for', async () => {
      const typo = await find('lantren');
      expect(typo.searchedFor).toBe('lantern');
      expect(typo.found).toEqual(['lantern', 'headlamp']);
      const two = await find('wol beanei');
      expect(two.searchedFor).toBe('wool beanie');
      expect(two.found).toEqual(['beanie']);
      // Nothing near: an empty page, and no suggestion.
      const none = await find('xylophone');
      expect(none.found).toEqual([]);
      expect(none.searchedFor).toBeUndefined();
      // Stop words alone match nothing, and are no error.
      expect((await find('the and of')).found).toEqual([]);
    });

    it('follows an edit: a renamed collection and a changed SKU are found by their new names', async () => {
      await db
        .update(collections)
        .set({ title: 'Night Gear' })
        .where(eq(collections.title, 'Camping Lights'));
      expect((await find('night gear')).found.sort()).toEqual(['headlamp', 'lantern']);
      await db
        .update(productVariants)
        .set({ sku: 'BNE-WINTER' })
        .where(eq(productVariants.sku, 'BNE-RED'));
      expect((await find('BNE-WINTER')).found).toEqual(['beanie']);
      expect((await find('BNE-RED')).found).toEqual([]);
    });

    it('pages the best matches by keyset without skipping or repeating one', async () => {
      const made: string[] = [];
      for (let i = 0; i < 23; i++) {
        made.push(
          await product({
            title: i % 3 === 0 ? `Pebble Lamp ${i}` : `Pebble ${i}`,
            description:
              i % 2 === 0 ? 'A pebble lamp for the desk, a pebble of light.' : 'Desk light.',
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listProducts(db, { q: 'pebble', sort: 'relevance', limit: 5, cursor });
        seen.push(...page.items.map((item) => item.slug));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
      expect(new Set(seen)).toEqual(new Set(made));
      // Titles that name a lamp come before those that do not, for "pebble lamp".
      const lamps = await listProducts(db, { q: 'pebble lamp', sort: 'relevance', limit: 24 });
      const first = lamps.items.slice(0, 8).map((item) => item.title);
      expect(first.every((title) => title.includes('Lamp'))).toBe(true);
    });
  });
}
