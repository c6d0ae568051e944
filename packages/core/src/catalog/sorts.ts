export const productSorts = ['featured', 'newest', 'price-asc', 'price-desc', 'name'] as const;
export type ProductSort = (typeof productSorts)[number];

export const sortLabels: Record<ProductSort, string> = {
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
    column: 'featuredKey' | 'createdAt' | 'minPrice' | 'title' | 'id';
    dir: 'asc' | 'desc';
    kind: KeyKind;
  }[]
> = {
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
