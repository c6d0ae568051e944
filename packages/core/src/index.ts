export * from './catalog/index.ts';
export * from './errors.ts';
export type { Money } from './money.ts';
