import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renderEmbeddedMigrations } from '../scripts/embed-migrations.ts';
import { createPgliteDb } from './pglite.ts';
import {
  products,
  productVariants,
  shippingRates,
  shippingZoneCountries,
  shopSettings,
} from './schema/index.ts';
import { seedCatalog, seedProducts } from './seed/index.ts';
import { seedWeights } from './seed/shipping-data.ts';

describe('migrations', () => {
  it('embedded copy matches the committed migration folder (run npm run db:generate)', () => {
    const embedded = readFileSync(
      fileURLToPath(new URL('./migrations.generated.ts', import.meta.url)),
      'utf8',
    );
    expect(embedded).toBe(renderEmbeddedMigrations());
  });

  it('apply to an empty database, twice without harm, and the seed runs once', async () => {
    const { db, close } = await createPgliteDb({ seed: true, fromScratch: true });
    try {
      const { migrate } = await import('./migrate.ts');
      await migrate(db);
      const again = await seedCatalog(db);
      expect(again.seeded).toBe(false);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
      expect(count?.n).toBeGreaterThanOrEqual(40);
    } finally {
      await close();
    }
  });

  it('make the shop settings row, and the seed ships every posted product somewhere', async () => {
    const { db, close } = await createPgliteDb({ seed: true });
    try {
      expect(await db.select().from(shopSettings)).toEqual([
        expect.objectContaining({ id: 1, taxEnabled: false, taxBehavior: 'exclusive' }),
      ]);
      const slugs = seedProducts.map((p) => p.slug);
      expect(Object.keys(seedWeights).filter((slug) => !slugs.includes(slug))).toEqual([]);
      expect(slugs.filter((slug) => !(slug in seedWeights))).toEqual(['gift-card']);
      const unposted = await db
        .select({ slug: products.slug })
        .from(products)
        .where(eq(products.requiresShipping, false));
      expect(unposted).toEqual([{ slug: 'gift-card' }]);
      const [us] = await db
        .select()
        .from(shippingZoneCountries)
        .where(eq(shippingZoneCountries.country, 'US'));
      const usRates = await db
        .select()
        .from(shippingRates)
        .where(eq(shippingRates.zoneId, us?.zoneId ?? ''));
      expect(usRates.map((r) => r.name).sort()).toEqual(['Express', 'Freight', 'Standard']);
    } finally {
      await close();
    }
  });

  it('refuse negative stock and malformed currencies', async () => {
    const { db, close } = await createPgliteDb({ seed: true });
    try {
      const [variant] = await db.select().from(productVariants).limit(1);
      if (!variant) throw new Error('no variant');
      await expect(
        db
          .update(productVariants)
          .set({ stock: -1 })
          .where(sql`${productVariants.id} = ${variant.id}`),
      ).rejects.toThrow();
      await expect(
        db
          .update(productVariants)
          .set({ currency: 'usd' })
          .where(sql`${productVariants.id} = ${variant.id}`),
      ).rejects.toThrow();
    } finally {
      await close();
    }
  });

  it('keep every variant of a product in the product currency', async () => {
    const { db, close } = await createPgliteDb({ seed: true });
    try {
      const [variant] = await db.select().from(productVariants).limit(1);
      if (!variant) throw new Error('no variant');
      const foreign = db
        .update(productVariants)
        .set({ currency: 'EUR' })
        .where(eq(productVariants.id, variant.id));
      await expect(foreign).rejects.toThrow();
      // Changing the product's currency carries its variants along.
      await db.update(products).set({ currency: 'EUR' }).where(eq(products.id, variant.productId));
      const variants = await db
        .select({ currency: productVariants.currency })
        .from(productVariants)
        .where(eq(productVariants.productId, variant.productId));
      expect(new Set(variants.map((v) => v.currency))).toEqual(new Set(['EUR']));
    } finally {
      await close();
    }
  });
});
