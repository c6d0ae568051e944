export { catalogCacheNamespace, catalogTags, pageTags, tagsOf } from './cache-tags.ts';
export {
  announceCatalogChange,
  announceStockChanges,
  CATALOG_CACHE_NAMESPACE,
  CATALOG_CACHE_VERSION,
  CATALOG_TTL_SECONDS,
  type CatalogReads,
  catalogReads,
  productListKey,
  withStockAnnounced,
} from './cached-catalog.ts';
export { getCollectionBySlug, listCollections } from './collections.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export { getProductBySlug, productOptions } from './get-product.ts';
export { type ListProductsParams, listProducts } from './list-products.ts';
export { type ProductSort, productSorts, sortLabels } from './sorts.ts';
export { LOW_STOCK_THRESHOLD, type StockState, stockState } from './stock.ts';
export { StockChanges } from './stock-changes.ts';
export type * from './types.ts';
