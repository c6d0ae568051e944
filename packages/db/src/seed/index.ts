import { sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import {
  collections,
  productCollections,
  productImages,
  products,
  productVariants,
  promotions,
  shippingRates,
  shippingZoneCountries,
  shippingZones,
} from '../schema/index.ts';
import { type SeedProduct, seedCollections, seedProducts } from './catalog-data.ts';
import { seedShippingZones, seedWeights } from './shipping-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function variantTitle(options: Record<string, string>): string {
  const values = Object.values(options);
  return values.length > 0 ? values.join(' / ') : 'Default';
}

export function imageUrl(product: Pick<SeedProduct, 'slug'>, index: number): string {
  return `/images/products/${product.slug}-${index + 1}.svg`;
}

export interface SeedResult {
  seeded: boolean;
  collections: number;
  products: number;
  variants: number;
}

/**
 * Fills an empty catalog with the demo shop, in one transaction. Does nothing
 * when any product exists, so it is safe to call on every start.
 */
export async function seedCatalog(db: Database, now = new Date()): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts: the second waits, then sees the data.
    await tx.execute(sql`select pg_advisory_xact_lock(7261001)`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(products);
    if ((existing?.n ?? 0) > 0) {
      return { seeded: false, collections: 0, products: 0, variants: 0 };
    }

    const insertedCollections = await tx
      .insert(collections)
      .values(seedCollections.map((c, position) => ({ ...c, position })))
      .returning({ id: collections.id, slug: collections.slug });
    const collectionId = new Map(insertedCollections.map((c) => [c.slug, c.id]));

    const insertedProducts = await tx
      .insert(products)
      .values(
        seedProducts.map((p) => {
          const createdAt = new Date(now.getTime() - p.createdDaysAgo * DAY_MS);
          return {
            slug: p.slug,
            title: p.title,
            description: p.description,
            featuredRank: p.featuredRank,
            requiresShipping: p.slug in seedWeights,
            createdAt,
            updatedAt: createdAt,
          };
        }),
      )
      .returning({ id: products.id, slug: products.slug });
    const productId = new Map(insertedProducts.map((p) => [p.slug, p.id]));
    const idOf = (slug: string, map: Map<string, string>): string => {
      const id = map.get(slug);
      if (!id) throw new Error(`seed data refers to unknown slug "${slug}"`);
      return id;
    };

    await tx.insert(productCollections).values(
      seedProducts.flatMap((p, position) =>
        p.collections.map((slug) => ({
          productId: idOf(p.slug, productId),
          collectionId: idOf(slug, collectionId),
          position,
        })),
      ),
    );
    const variantRows = seedProducts.flatMap((p) =>
      p.variants.map((v, position) => ({
        productId: idOf(p.slug, productId),
        sku: v.sku,
        title: variantTitle(v.options),
        options: v.options,
        price: v.price,
        currency: 'USD',
        stock: v.stock,
        weightGrams: seedWeights[p.slug] ?? 0,
        position,
      })),
    );
    await tx.insert(productVariants).values(variantRows);
    await tx.insert(productImages).values(
      seedProducts.flatMap((p) =>
        p.images.map((image, position) => ({
          productId: idOf(p.slug, productId),
          url: imageUrl(p, position),
          alt: image.alt,
          width: 800,
          height: 800,
          position,
        })),
      ),
    );
    for (const [position, zone] of seedShippingZones.entries()) {
      const [created] = await tx
        .insert(shippingZones)
        .values({ name: zone.name, position })
        .returning({ id: shippingZones.id });
      const zoneId = created?.id ?? '';
      await tx
        .insert(shippingZoneCountries)
        .values(zone.countries.map((country) => ({ country, zoneId })));
      await tx
        .insert(shippingRates)
        .values(zone.rates.map((rate, i) => ({ ...rate, zoneId, currency: 'USD', position: i })));
    }
    // A demo code to try on the cart: 10 % off the order, once per customer.
    await tx
      .insert(promotions)
      .values({ code: 'WELCOME10', title: 'WELCOME10', percentOff: 10, oncePerCustomer: true });
    return {
      seeded: true,
      collections: insertedCollections.length,
      products: insertedProducts.length,
      variants: variantRows.length,
    };
  });
}

export { type SeedProduct, seedCollections, seedProducts } from './catalog-data.ts';
