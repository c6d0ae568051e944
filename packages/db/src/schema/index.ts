export * from './catalog.ts';
export * from './relations.ts';
