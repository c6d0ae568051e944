export type { AdminDeps } from './admin-deps.ts';
export { type AdminOrderFilter, adminGetOrder, adminListOrders } from './admin-orders.ts';
export {
  type AdminProductFilter,
  type AdminProductStatus,
  adminGetProduct,
  adminImageChoices,
  adminListProducts,
  PRODUCT_IMAGES_MAX,
  type ProductInput,
  removeProduct,
  saveProduct,
} from './admin-products.ts';
export { type AdminOverview, adminOverview } from './overview.ts';
export {
  type RefundDeps,
  type RefundRequestInput,
  refundableAmount,
  refundOrder,
} from './refund-order.ts';
export { adjustStock, MAX_STOCK, type StockChange } from './stock-adjustment.ts';
