import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/**
 * The one database type the rest of the code sees. PGlite (embedded) and the
 * Neon WebSocket driver (production) both produce it, and so does a transaction.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A database together with the means to release what it holds. */
export interface DatabaseHandle {
  db: Database;
  close: () => Promise<void>;
}
