export { type AuditEntry, writeAudit } from '../audit.ts';
export { getOrder, getOrderByGuestLink, listOrders } from '../orders/orders-of-user.ts';
export { sweepExpiredOrders } from '../orders/sweep-expired-orders.ts';
export { applyPaymentEvent, type PaymentEventOutcome } from './apply-payment-event.ts';
export { orderConfirmationEmail } from './emails.ts';
export { GUEST_ORDER_LINK_TTL_MS, newGuestOrderLink } from './guest-order-link.ts';
export {
  attachCheckoutSession,
  cancelPendingOrder,
  orderByCheckoutSession,
  pendingOrdersOfCart,
} from './order-lifecycle.ts';
export {
  ORDER_HOLD_MS,
  type PlacedOrder,
  type PlaceOrderDeps,
  placeOrder,
  storedClientKey,
} from './place-order.ts';
export { releaseOrderStock } from './release-stock.ts';
export {
  cancelCheckout,
  PAYMENT_PAGE_MS,
  type StartCheckoutDeps,
  startCheckout,
} from './start-checkout.ts';
