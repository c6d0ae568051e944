/**
 * The shape of what the catalog cache stores: bump it with any change to
 * `types.ts` (the test "stores the shapes its version names" fails until
 * then), so that a deploy never reads entries of the old shape. Cached pages
 * share the tags kept under this namespace.
 */
export const CATALOG_CACHE_VERSION = 2;

/**
 * Where a deployment's catalog entries and tags live. Deployments that share
 * one Redis (the previews) each have their own prefix (CACHE_PREFIX).
 */
export function catalogCacheNamespace(prefix = 'edgecart'): string {
  return `${prefix}:catalog:v${CATALOG_CACHE_VERSION}`;
}
export const CATALOG_CACHE_NAMESPACE = catalogCacheNamespace();

/**
 * Every tag the catalog cache uses, and what bumps it. An entry is stale as
 * soon as one of its tags is invalidated (`ReadThrough` in @edgecart/cache).
 *
 * | tag            | on                                              | bumped by                                  |
 * |----------------|-------------------------------------------------|--------------------------------------------|
 * | `catalog`      | every entry and every cached page               | any change to products, prices, collections |
 * | `listings`     | product lists, the home page, listing pages     | any stock change (checkout, expiry, refund) |
 * | `product:SLUG` | that product's detail and page                  | a stock change of one of its variants      |
 */
export const catalogTags = {
  /** Everything in the catalog: an admin edit to products, variants, prices or collections. */
  catalog: 'catalog',
  /** Whatever shows several products with their stock state. */
  listings: 'listings',
  product: (slug: string) => `product:${slug}`,
} as const;

export const tagsOf = {
  productList: () => [catalogTags.catalog, catalogTags.listings],
  product: (slug: string) => [catalogTags.catalog, catalogTags.product(slug)],
  collections: () => [catalogTags.catalog],
  /** What a change of these products' stock makes stale. */
  stockChange: (slugs: Iterable<string>) => [
    catalogTags.listings,
    ...[...slugs].map(catalogTags.product),
  ],
};

/**
 * The tags of a storefront page, from its path: the Worker caches whole
 * pages under the same tags as the data they show. Null for a page that is
 * not a catalog page (never cached).
 */
export function pageTags(pathname: string): string[] | null {
  const product = /^\/products\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(pathname);
  if (product?.[1]) return tagsOf.product(product[1]);
  if (
    pathname === '/' ||
    pathname === '/products' ||
    pathname === '/collections' ||
    /^\/collections\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(pathname)
  ) {
    return tagsOf.productList();
  }
  return null;
}
