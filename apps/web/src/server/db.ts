import 'server-only';
import { resolve } from 'node:path';
import type { Database, DatabaseHandle } from '@edgecart/db';
import { env } from '~/env';

async function open(): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    const { createNeonNodeDb } = await import('@edgecart/db/neon-node');
    return createNeonNodeDb({
      connectionString: env.DATABASE_URL,
      localProxy: env.NEON_LOCAL_PROXY,
    });
  }
  const { createPgliteDb } = await import('@edgecart/db/pglite');
  const dir = env.PGLITE_DATA_DIR;
  return createPgliteDb({
    dataDir: dir.startsWith('memory://') ? dir : resolve(process.cwd(), dir),
    seed: true,
  });
}

// Kept on globalThis so that dev-server reloads reuse the open database.
const holder = globalThis as { edgecartDb?: Promise<DatabaseHandle> };

/** The process's database: the Neon driver when DATABASE_URL is set, else embedded PGlite. */
export async function getDb(): Promise<Database> {
  holder.edgecartDb ??= open().catch((error: unknown) => {
    holder.edgecartDb = undefined;
    throw error;
  });
  return (await holder.edgecartDb).db;
}
