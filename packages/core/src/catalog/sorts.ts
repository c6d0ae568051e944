export const productSorts = [
  'relevance',
  'featured',
  'newest',
  'price-asc',
  'price-desc',
  'name',
] as const;
export type ProductSort = (typeof productSorts)[number];

export const sortLabels: Record<ProductSort, string> = {
  relevance: 'Best match',
  featured: 'Featured',
  newest: 'Newest',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  name: 'Name: A to Z',
};

/** The kinds of value a keyset cursor carries, one per sort column. */
export type KeyKind = 'int' | 'text' | 'timestamp' | 'uuid';

/** Sort columns per sort, the product id last so that every order is total. */
export const sortKeys: Record<
  ProductSort,
  {
    column: 'rank' | 'featuredKey' | 'createdAt' | 'minPrice' | 'title' | 'id';
    dir: 'asc' | 'desc';
    kind: KeyKind;
  }[]
> = {
  /** With a search, the best matches first (without one, every rank is 0: by id). */
  relevance: [
    { column: 'rank', dir: 'desc', kind: 'int' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
  featured: [
    { column: 'featuredKey', dir: 'asc', kind: 'int' },
    { column: 'createdAt', dir: 'desc', kind: 'timestamp' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
  newest: [
    { column: 'createdAt', dir: 'desc', kind: 'timestamp' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
  'price-asc': [
    { column: 'minPrice', dir: 'asc', kind: 'int' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
  'price-desc': [
    { column: 'minPrice', dir: 'desc', kind: 'int' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
  name: [
    { column: 'title', dir: 'asc', kind: 'text' },
    { column: 'id', dir: 'asc', kind: 'uuid' },
  ],
};
