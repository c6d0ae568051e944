import {
  and,
  collections as collectionsTable,
  type Database,
  eq,
  productCollections,
  productImages,
  products,
  productVariants,
  type SQL,
  type SQLWrapper,
  sql,
} from '@edgecart/db';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor.ts';
import { headline, searchQuery, searchRank, suggestSearch, titleParts } from './product-search.ts';
import { type KeyKind, type ProductSort, sortKeys } from './sorts.ts';
import { stockState } from './stock.ts';
import type { CatalogImage, ProductPage, ProductSummary } from './types.ts';

export interface ListProductsParams {
  q?: string | undefined;
  collection?: string | undefined;
  /** Inclusive bounds on the lowest variant price, in minor units. */
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  inStock?: boolean | undefined;
  sort: ProductSort;
  cursor?: string | null | undefined;
  limit: number;
}

const NOT_FEATURED = 2147483647;

function castKey(value: CursorValue, kind: KeyKind): SQL {
  switch (kind) {
    case 'int':
      return sql`${value}::int`;
    case 'timestamp':
      return sql`${value}::timestamptz`;
    case 'uuid':
      return sql`${value}::uuid`;
    case 'text':
      return sql`${value}::text`;
  }
}

/**
 * Keyset pagination over mixed directions: rows strictly after the cursor in
 * the sort's order, as (a > x) or (a = x and ((b < y) or (b = y and ...))).
 */
function after(
  columns: { expr: SQLWrapper; dir: 'asc' | 'desc'; kind: KeyKind }[],
  values: CursorValue[],
): SQL | undefined {
  let condition: SQL | undefined;
  for (let i = columns.length - 1; i >= 0; i--) {
    const column = columns[i];
    const value = values[i];
    if (!column || value === undefined) continue;
    const key = castKey(value, column.kind);
    const beyond =
      column.dir === 'asc' ? sql`${column.expr} > ${key}` : sql`${column.expr} < ${key}`;
    condition = condition ? sql`(${beyond} or (${column.expr} = ${key} and ${condition}))` : beyond;
  }
  return condition;
}

/**
 * Active products matching the filters, one page in the chosen order. With a
 * search (`q`), products match it by full-text search (`product-search.ts`)
 * and their titles come with the matched words marked; when it matches
 * nothing, a corrected search is run instead and named in `searchedFor`.
 */
export async function listProducts(db: Database, params: ListProductsParams): Promise<ProductPage> {
  const page = await listMatching(db, params);
  const q = params.q?.trim();
  if (!q || page.items.length > 0) return page;
  const suggestion = await suggestSearch(db, q);
  if (!suggestion) return page;
  const corrected = await listMatching(db, { ...params, q: suggestion });
  return corrected.items.length > 0 ? { ...corrected, searchedFor: suggestion } : page;
}

async function listMatching(db: Database, params: ListProductsParams): Promise<ProductPage> {
  const filters: (SQL | undefined)[] = [eq(products.status, 'active')];
  const q = params.q?.trim();
  const query = q ? searchQuery(q) : null;
  if (query) filters.push(sql`${products.searchVector} @@ ${query}`);
  if (params.collection) {
    filters.push(
      sql`exists (select 1 from ${productCollections} inner join ${collectionsTable} on ${collectionsTable.id} = ${productCollections.collectionId} where ${productCollections.productId} = ${products.id} and ${collectionsTable.slug} = ${params.collection})`,
    );
  }

  const rows = db.$with('catalog_rows').as(
    db
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        createdAt: products.createdAt,
        featuredKey: sql<number>`coalesce(${products.featuredRank}, ${NOT_FEATURED})`.as(
          'featured_key',
        ),
        minPrice: sql<number>`min(${productVariants.price})::int`.as('min_price'),
        maxPrice: sql<number>`max(${productVariants.price})::int`.as('max_price'),
        currency: products.currency,
        totalStock: sql<number>`sum(${productVariants.stock})::int`.as('total_stock'),
        rank: (query ? searchRank(products.searchVector, query) : sql<number>`0`).as('rank'),
      })
      .from(products)
      .innerJoin(productVariants, eq(productVariants.productId, products.id))
      .where(and(...filters))
      .groupBy(products.id),
  );

  const keys = sortKeys[params.sort];
  const columns = keys.map((key) => ({ ...key, expr: rows[key.column] }));
  const outer: (SQL | undefined)[] = [];
  if (params.minPrice !== undefined) outer.push(sql`${rows.minPrice} >= ${params.minPrice}`);
  if (params.maxPrice !== undefined) outer.push(sql`${rows.minPrice} <= ${params.maxPrice}`);
  if (params.inStock) outer.push(sql`${rows.totalStock} > 0`);
  if (params.cursor) outer.push(after(columns, decodeCursor(params.cursor, params.sort)));

  // The first image comes in the same query: one round trip for the page. The row's id is
  // named with its table: drizzle writes a CTE's column bare, which inside this subquery
  // would be product_images.id.
  const rowId = sql`${sql.identifier('catalog_rows')}.${sql.identifier('id')}`;
  const firstImage = sql<CatalogImage | null>`(
    select json_build_object('url', ${productImages.url}, 'alt', ${productImages.alt},
      'width', ${productImages.width}, 'height', ${productImages.height})
    from ${productImages} where ${productImages.productId} = ${rowId}
    order by ${productImages.position} limit 1)`;
  const page = await db
    .with(rows)
    .select({
      id: rows.id,
      slug: rows.slug,
      title: rows.title,
      createdAt: rows.createdAt,
      featuredKey: rows.featuredKey,
      minPrice: rows.minPrice,
      maxPrice: rows.maxPrice,
      currency: rows.currency,
      totalStock: rows.totalStock,
      rank: rows.rank,
      image: firstImage,
      marked: query ? headline(rows.title, query) : sql<null>`null`,
    })
    .from(rows)
    .where(and(...outer))
    .orderBy(...columns.map((c) => (c.dir === 'asc' ? sql`${c.expr} asc` : sql`${c.expr} desc`)))
    .limit(params.limit + 1);

  const hasMore = page.length > params.limit;
  const items = page.slice(0, params.limit);
  const last = items.at(-1);
  return {
    items: items.map(
      (r): ProductSummary => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        priceFrom: { amount: r.minPrice, currency: r.currency },
        priceTo: { amount: r.maxPrice, currency: r.currency },
        stockState: stockState(r.totalStock),
        image: r.image,
        ...(r.marked ? { titleParts: titleParts(r.marked) } : {}),
      }),
    ),
    nextCursor:
      hasMore && last
        ? encodeCursor(
            params.sort,
            keys.map((k) => {
              const value = last[k.column];
              return value instanceof Date ? value.toISOString() : value;
            }),
          )
        : null,
  };
}
