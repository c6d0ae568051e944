export { type AmountLine, amountLines, amountsOf, type OrderAmounts } from './order-amounts.ts';
export { getOrder, getOrderByGuestLink, listOrders } from './orders-of-user.ts';
export { sweepExpiredOrders } from './sweep-expired-orders.ts';
