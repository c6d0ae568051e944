export * from './cancel-order.ts';
export * from './carriers.ts';
export * from './ship-order.ts';
