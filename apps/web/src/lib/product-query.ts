// The subpath, not the package's index: the Worker's entry keys cached pages with this
// module (server/page-cache.ts) and must not pull the database into its bundle.
import { type ProductSort, productSorts } from '@edgecart/core/sorts';

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

export type SearchParams = Record<string, string | string[] | undefined>;

/** Every name a listing reads from its URL; any other parameter changes nothing on it. */
export const productQueryParams = ['q', 'collection', 'min', 'max', 'stock', 'sort'] as const;

/** A URL's query as a page receives it (`searchParams`): a repeated name gives an array. */
export function searchParamsOf(search: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    params[name] = values.length === 1 ? values[0] : values;
  }
  return params;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A whole amount from 0 to 1,000,000, as `Number()` reads it (` 20 ` is 20), else undefined. */
function amount(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 && number <= 1_000_000 ? number : undefined;
}

/** A search lists the best matches first; a listing, the featured order. */
export const defaultSort = (q: string | undefined): ProductSort => (q ? 'relevance' : 'featured');

const isSort = (value: string | undefined): value is ProductSort =>
  (productSorts as readonly (string | undefined)[]).includes(value);

/**
 * Reads a listing from the URL leniently: a link someone edited by hand shows
 * the catalog with the bad part left out, rather than an error page.
 */
export function parseProductQuery(params: SearchParams): ProductQuery {
  const q = first(params.q)?.trim().slice(0, 100);
  const collection = first(params.collection);
  const sort = first(params.sort);
  const query: ProductQuery = {
    q: q || undefined,
    collection:
      collection && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(collection) && collection.length <= 120
        ? collection
        : undefined,
    min: amount(first(params.min)),
    max: amount(first(params.max)),
    inStock: first(params.stock) === 'in' || undefined,
    sort: isSort(sort) ? sort : defaultSort(q),
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
  if (query.sort && query.sort !== defaultSort(query.q)) search.set('sort', query.sort);
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
