export { getCollectionBySlug, listCollections } from './collections.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export { getProductBySlug, productOptions } from './get-product.ts';
export { type ListProductsParams, listProducts } from './list-products.ts';
export { type ProductSort, productSorts, sortLabels } from './sorts.ts';
export { LOW_STOCK_THRESHOLD, type StockState, stockState } from './stock.ts';
export type * from './types.ts';
