export * from './accounts.ts';
export * from './cart.ts';
export * from './catalog.ts';
export * from './orders.ts';
export * from './outbox.ts';
export * from './relations.ts';
