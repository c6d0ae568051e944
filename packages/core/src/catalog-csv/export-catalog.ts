import {
  asc,
  collections,
  type Database,
  eq,
  productCollections,
  productImages,
  products,
  productVariants,
} from '@edgecart/db';
import { type ExportProduct, productRows, toCsv } from './shopify-csv.ts';

/**
 * The whole catalog (every status) as Shopify's product CSV: products,
 * variants with prices, stock and weights, collections and image URLs
 * (absolute, on `origin`). Four queries, whatever the catalog's size.
 */
export async function exportCatalogCsv(db: Database, origin: string): Promise<string> {
  const [productList, variants, images, links] = await Promise.all([
    db.select().from(products).orderBy(asc(products.createdAt), asc(products.slug)),
    db
      .select()
      .from(productVariants)
      .orderBy(asc(productVariants.position), asc(productVariants.sku)),
    db.select().from(productImages).orderBy(asc(productImages.position)),
    db
      .select({ productId: productCollections.productId, title: collections.title })
      .from(productCollections)
      .innerJoin(collections, eq(collections.id, productCollections.collectionId))
      .orderBy(asc(productCollections.position), asc(collections.title)),
  ]);
  const group = <T extends { productId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.productId);
      if (list) list.push(row);
      else map.set(row.productId, [row]);
    }
    return map;
  };
  const variantsOf = group(variants);
  const imagesOf = group(images);
  const linksOf = group(links);
  const rows = productList.flatMap((p) => {
    const product: ExportProduct = {
      slug: p.slug,
      title: p.title,
      description: p.description,
      status: p.status,
      currency: p.currency,
      requiresShipping: p.requiresShipping,
      taxCode: p.taxCode,
      collections: (linksOf.get(p.id) ?? []).map((l) => l.title),
      variants: (variantsOf.get(p.id) ?? []).map((v) => ({
        sku: v.sku,
        options: v.options,
        price: v.price,
        stock: v.stock,
        weightGrams: v.weightGrams,
      })),
      images: (imagesOf.get(p.id) ?? []).map((i) => ({ url: i.url, alt: i.alt })),
    };
    return productRows(product, origin);
  });
  return toCsv(rows);
}
