import 'server-only';
import type { Database, DatabaseHandle } from '@edgecart/db';
import { env } from '~/env';

// Kept on globalThis so that dev-server reloads reuse the open database.
const holder = globalThis as { edgecartDb?: Promise<DatabaseHandle> };

/** The process's database: the Neon driver when DATABASE_URL is set, else embedded PGlite. */
export async function getDb(): Promise<Database> {
  holder.edgecartDb ??= import('@edgecart/db/node')
    .then(({ openNodeDatabase }) => openNodeDatabase(env, { seed: true }))
    .catch((error: unknown) => {
      holder.edgecartDb = undefined;
      throw error;
    });
  return (await holder.edgecartDb).db;
}
