/** An order's statuses, in the order an admin filters by them. */
export { type OrderStatus, orderStatuses } from '@edgecart/db';
export * from './accounts/index.ts';
export * from './admin/index.ts';
export { type AuditEntry, writeAudit } from './audit.ts';
export * from './cart/index.ts';
export * from './catalog/index.ts';
export * from './checkout/index.ts';
export { clientAddressKey } from './client-address.ts';
export { toDomainError } from './database-errors.ts';
export * from './errors.ts';
export * from './fulfilment/index.ts';
export * from './limits.ts';
export type { Money } from './money.ts';
export * from './orders/index.ts';
export * from './outbox/index.ts';
export * from './settings/index.ts';
export * from './shipping/index.ts';
export { textProblem } from './text.ts';
