import type { Database, DatabaseHandle } from '@edgecart/db';
import { env } from '~/env';

// Kept on globalThis so that dev-server reloads reuse the open database.
const holder = globalThis as { edgecartDb?: Promise<DatabaseHandle> };

/**
 * Node (next dev, next start): one database for the process — the Neon driver
 * when DATABASE_URL is set, else embedded PGlite. The Worker build replaces
 * `@edgecart/db/node` with a stub (next.config.ts), so PGlite never ships there.
 */
export async function getProcessDb(): Promise<Database> {
  holder.edgecartDb ??= import('@edgecart/db/node')
    .then(({ openNodeDatabase }) => openNodeDatabase(env, { seed: true }))
    .catch((error: unknown) => {
      holder.edgecartDb = undefined;
      throw error;
    });
  return (await holder.edgecartDb).db;
}
