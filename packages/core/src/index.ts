export * from './accounts/index.ts';
export * from './cart/index.ts';
export * from './catalog/index.ts';
export * from './checkout/index.ts';
export { toDomainError } from './database-errors.ts';
export * from './errors.ts';
export type { Money } from './money.ts';
export * from './outbox/index.ts';
export { textProblem } from './text.ts';
