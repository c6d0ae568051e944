export * from './carriers.ts';
export * from './ship-order.ts';
