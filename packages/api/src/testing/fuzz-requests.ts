import { type ProductSort, productSorts } from '@edgecart/core';
import { seedCollections } from '@edgecart/db/seed';
import fc from 'fast-check';
import {
  anyCursor,
  anyJson,
  cursorValue,
  edgyNumber,
  edgyValueOf,
  nastyString,
  plausibly,
  slugLike,
  superjsonMeta,
  toBase64Url,
} from './fuzz-arbitraries.ts';
import { encodeQuery, superjsonInput } from './http.ts';

export interface FuzzRequest {
  path: string;
  /** The query string, without '?'. */
  search: string;
  method: string;
}

export const procedures = [
  'catalog.products',
  'catalog.product',
  'catalog.collections',
  'catalog.collection',
] as const;

const get = (path: string, search: string): FuzzRequest => ({ path, search, method: 'GET' });

const sortLike = plausibly(fc.constantFrom(...productSorts, 'popularity', 'PRICE-ASC'));

/** `catalog.products` with each field plausible or anything, every field optional. */
const anyProductsInput = fc.record(
  {
    q: plausibly(nastyString),
    collection: plausibly(slugLike),
    minPrice: plausibly(edgyNumber),
    maxPrice: plausibly(edgyNumber),
    inStock: plausibly(fc.boolean()),
    sort: sortLike,
    cursor: plausibly(fc.oneof(anyCursor, fc.constant(null))),
    limit: plausibly(fc.integer({ min: -1, max: 50 })),
  },
  { requiredKeys: [] },
);

/** A valid input but for one field, so that the odd value reaches the SQL. */
const nearlyValidProductsInput = fc
  .tuple(
    fc.record(
      {
        q: fc.string({ unit: 'grapheme', maxLength: 12 }),
        collection: fc.constantFrom(...seedCollections.map((c) => c.slug), 'no-such-collection'),
        minPrice: fc.integer({ min: 0, max: 5000 }),
        inStock: fc.boolean(),
        sort: fc.constantFrom(...productSorts),
        limit: fc.integer({ min: 1, max: 48 }),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      { arbitrary: fc.record({ q: nastyString }), weight: 4 },
      fc.record({ collection: slugLike }),
      fc.record({ maxPrice: edgyNumber }),
      fc.record({ limit: edgyNumber }),
      fc.record({ cursor: anyCursor }),
    ),
  )
  .map(([valid, odd]) => ({ ...valid, ...odd }));

export const productsInput = fc.oneof(anyProductsInput, nearlyValidProductsInput);

export const productsRequests = productsInput.map((input) =>
  get('catalog.products', superjsonInput(input)),
);

/**
 * Cursors of `sort` made from a real one with one value replaced by a random
 * one, cursors of the right length with every value random, and (now and then)
 * any cursor at all, or a cursor sent with another sort.
 */
export function cursorRequests(
  real: Record<ProductSort, unknown[]>,
  sort: ProductSort,
): fc.Arbitrary<FuzzRequest> {
  const values = real[sort];
  const mutated = fc
    .nat({ max: values.length - 1 })
    .chain((i) =>
      fc
        .oneof({ arbitrary: edgyValueOf(values[i]), weight: 4 }, cursorValue)
        .map((value) => values.map((v, j) => (j === i ? value : v))),
    );
  const random = fc.tuple(...values.map((example) => fc.oneof(edgyValueOf(example), cursorValue)));
  const payload = fc.oneof(mutated, random).map((v) => toBase64Url(JSON.stringify({ s: sort, v })));
  return fc
    .record({
      sort: fc.oneof({ arbitrary: fc.constant(sort), weight: 4 }, fc.constantFrom(...productSorts)),
      cursor: fc.oneof({ arbitrary: payload, weight: 4 }, anyCursor),
      limit: fc.integer({ min: 1, max: 48 }),
    })
    .map((input) => get('catalog.products', superjsonInput(input)));
}

export const bySlugRequests = fc
  .tuple(
    fc.constantFrom('catalog.product', 'catalog.collection'),
    fc.oneof(fc.record({ slug: plausibly(slugLike) }, { requiredKeys: [] }), anyJson),
  )
  .map(([path, input]) => get(path, superjsonInput(input)));

export const collectionsRequests = fc
  .oneof(
    fc.record({ featuredOnly: plausibly(fc.boolean()) }, { requiredKeys: [] }),
    anyJson,
    fc.constant(undefined),
  )
  .map((input) => get('catalog.collections', input === undefined ? '' : superjsonInput(input)));

/** Percent-encoded random bytes: invalid UTF-8 among them. */
const rawBytes = fc
  .uint8Array({ maxLength: 80 })
  .map((bytes) => Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join(''));

/** Inputs that are not what the superjson link sends: bare JSON, not JSON, bad meta, batches. */
export const rawRequests = fc
  .tuple(
    fc.constantFrom(...procedures),
    fc.oneof(
      anyJson.map((v) => `input=${encodeQuery(JSON.stringify(v) ?? '')}`),
      nastyString.map((s) => `input=${encodeQuery(s)}`),
      rawBytes.map((b) => `input=${b}`),
      fc
        .tuple(productsInput, superjsonMeta)
        .map(([json, meta]) => `input=${encodeQuery(JSON.stringify({ json, meta }))}`),
      fc
        .tuple(nastyString, nastyString)
        .map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}&input=${encodeQuery('{"json":{}}')}`),
    ),
    fc.oneof(
      { arbitrary: fc.constant('GET'), weight: 6 },
      fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
    ),
  )
  .map(([path, search, method]) => ({ path, search, method }));

export const batchRequests = fc
  .tuple(
    fc.subarray([...procedures], { minLength: 1 }),
    fc.array(
      fc.oneof(
        productsInput.map((json) => ({ json })),
        anyJson,
      ),
      { maxLength: 4 },
    ),
  )
  .map(([paths, inputs]) => {
    const input = Object.fromEntries(inputs.map((value, i) => [String(i), value]));
    return get(paths.join(','), `batch=1&input=${encodeQuery(JSON.stringify(input))}`);
  });

/** Procedures that do not exist, prototype keys among them. */
export const pathRequests = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('catalog', 'catalog.nope', 'nope', '', 'catalog.products.x', '__proto__'),
      fc.constantFrom('constructor', 'catalog.__proto__', 'toString', 'catalog.constructor'),
      nastyString.map(encodeQuery),
    ),
    fc.boolean(),
  )
  .map(([path, batch]) => get(path, batch ? 'batch=1&input={}' : superjsonInput({})));
