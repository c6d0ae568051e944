import { and, asc, type Database, eq, products } from '@edgecart/db';
import { NotFoundError } from '../errors.ts';
import { LOW_STOCK_THRESHOLD, stockState } from './stock.ts';
import type { ProductDetail, ProductOption } from './types.ts';

/** Option names and values in the order the variants first use them. */
export function productOptions(variants: { options: Record<string, string> }[]): ProductOption[] {
  const options = new Map<string, Set<string>>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      const values = options.get(name) ?? new Set<string>();
      values.add(value);
      options.set(name, values);
    }
  }
  return [...options].map(([name, values]) => ({ name, values: [...values] }));
}

/** An active product with its variants, images and collections, or NotFoundError. */
export async function getProductBySlug(db: Database, slug: string): Promise<ProductDetail> {
  const product = await db.query.products.findFirst({
    where: and(eq(products.slug, slug), eq(products.status, 'active')),
    with: {
      variants: { orderBy: (v) => [asc(v.position), asc(v.sku)] },
      images: { orderBy: (i) => [asc(i.position)] },
      collections: { with: { collection: true } },
    },
  });
  if (!product || product.variants.length === 0) {
    throw new NotFoundError(`No product is called "${slug}".`);
  }
  const prices = product.variants.map((v) => v.price);
  const currency = product.currency;
  const totalStock = product.variants.reduce((sum, v) => sum + v.stock, 0);
  const images = product.images.map(({ url, alt, width, height }) => ({ url, alt, width, height }));
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    priceFrom: { amount: Math.min(...prices), currency },
    priceTo: { amount: Math.max(...prices), currency },
    stockState: stockState(totalStock),
    image: images[0] ?? null,
    images,
    options: productOptions(product.variants),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      options: v.options,
      price: { amount: v.price, currency: v.currency },
      stockState: stockState(v.stock),
      remaining: v.stock > 0 && v.stock <= LOW_STOCK_THRESHOLD ? v.stock : null,
    })),
    collections: product.collections
      .map((pc) => pc.collection)
      .sort((a, b) => a.position - b.position)
      .map(({ slug, title }) => ({ slug, title })),
  };
}
