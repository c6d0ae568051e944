import { type ProductSort, productSorts } from '@edgecart/core';
import { z } from 'zod';

/** What a catalog listing shows, as it stands in the URL (/products?q=wool&sort=newest). */
export interface ProductQuery {
  q?: string | undefined;
  collection?: string | undefined;
  /** Whole currency units, as a shopper types them. */
  min?: number | undefined;
  max?: number | undefined;
  inStock?: boolean | undefined;
  sort: ProductSort;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const amount = z.coerce.number().int().min(0).max(1_000_000);

/**
 * Reads a listing from the URL leniently: a link someone edited by hand shows
 * the catalog with the bad part left out, rather than an error page.
 */
export function parseProductQuery(params: SearchParams): ProductQuery {
  const q = first(params.q)?.trim().slice(0, 100);
  const collection = first(params.collection);
  const min = amount.safeParse(first(params.min) || undefined);
  const max = amount.safeParse(first(params.max) || undefined);
  const sort = z.enum(productSorts).safeParse(first(params.sort));
  const query: ProductQuery = {
    q: q || undefined,
    collection:
      collection && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(collection) && collection.length <= 120
        ? collection
        : undefined,
    min: min.success ? min.data : undefined,
    max: max.success ? max.data : undefined,
    inStock: first(params.stock) === 'in' || undefined,
    sort: sort.success ? sort.data : 'featured',
  };
  if (query.min !== undefined && query.max !== undefined && query.min > query.max) {
    [query.min, query.max] = [query.max, query.min];
  }
  return query;
}

/** The listing's URL: /products?… with only what differs from the defaults. */
export function productQueryHref(path: string, query: Partial<ProductQuery>): string {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.collection) search.set('collection', query.collection);
  if (query.min !== undefined) search.set('min', String(query.min));
  if (query.max !== undefined) search.set('max', String(query.max));
  if (query.inStock) search.set('stock', 'in');
  if (query.sort && query.sort !== 'featured') search.set('sort', query.sort);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The API input for a listing; prices become minor units. */
export function toListInput(query: ProductQuery, minorUnitsPerMajor = 100) {
  return {
    q: query.q,
    collection: query.collection,
    minPrice: query.min === undefined ? undefined : query.min * minorUnitsPerMajor,
    maxPrice: query.max === undefined ? undefined : query.max * minorUnitsPerMajor,
    inStock: query.inStock,
    sort: query.sort,
    limit: 12,
  };
}
