import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { DatabaseHandle } from './database.ts';
import { migrate } from './migrate.ts';
import { leaveTemplate, readTemplate } from './pglite-template.ts';
import * as schema from './schema/index.ts';
import { seedCatalog } from './seed/index.ts';

export interface PgliteOptions {
  /** A folder to keep the data in; in memory when unset. */
  dataDir?: string | undefined;
  /** Fill an empty catalog with the demo data. */
  seed?: boolean;
  /**
   * In memory, run initdb and every migration even when a migrated template
   * exists (pglite-template.ts): what the migrations' own test checks.
   */
  fromScratch?: boolean;
}

/**
 * The embedded default: PostgreSQL compiled to WASM, in-process. Node only —
 * never import this from code that runs in a Worker.
 */
export async function createPgliteDb(options: PgliteOptions = {}): Promise<DatabaseHandle> {
  const { dataDir } = options;
  if (dataDir && !dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  // In memory, start from a migrated copy when one was left (pglite-template.ts).
  const template = dataDir || options.fromScratch ? undefined : readTemplate();
  // pg_trgm: search's typo tolerance (migration 0015), as Neon provides it.
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
    extensions: { pg_trgm },
  });
  const db = drizzle({ client, schema, casing: 'snake_case' });
  // Finds nothing to apply on a template (the template's name changes with the migrations).
  await migrate(db);
  if (!dataDir && !template && !options.fromScratch) await leaveTemplate(client);
  if (options.seed) await seedCatalog(db);
  return { db, close: () => client.close() };
}
