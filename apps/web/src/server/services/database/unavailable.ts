/**
 * Stands in for `@edgecart/db/node` in the Worker build (see next.config.ts):
 * PGlite and Node's `ws` have no place in a Worker, and are never called there.
 */
export function openNodeDatabase(): never {
  throw new Error('The embedded database is not available in a Worker; set DATABASE_URL.');
}
