import { resolve } from 'node:path';
import type { DatabaseHandle } from './database.ts';
import type { DbEnv } from './env.ts';

export interface OpenNodeOptions {
  /** Fill an empty embedded catalog with the demo shop. */
  seed?: boolean;
  /** The folder PGLITE_DATA_DIR is relative to; the working folder by default. */
  cwd?: string;
}

/**
 * The database factory for Node processes (next dev, scripts): the Neon driver
 * when DATABASE_URL is set, else embedded PGlite, migrated on open. Each driver
 * is imported only when chosen. Never reached from a Worker.
 */
export async function openNodeDatabase(
  env: DbEnv,
  options: OpenNodeOptions = {},
): Promise<DatabaseHandle & { where: string }> {
  if (env.DATABASE_URL) {
    const { createNeonNodeDb } = await import('./neon-node.ts');
    const handle = createNeonNodeDb({
      connectionString: env.DATABASE_URL,
      localProxy: env.NEON_LOCAL_PROXY,
    });
    return { ...handle, where: new URL(env.DATABASE_URL).host };
  }
  const { createPgliteDb } = await import('./pglite.ts');
  const dir = env.PGLITE_DATA_DIR;
  const dataDir = dir.includes('://') ? dir : resolve(options.cwd ?? process.cwd(), dir);
  const handle = await createPgliteDb({ dataDir, seed: options.seed ?? false });
  return { ...handle, where: dataDir };
}
