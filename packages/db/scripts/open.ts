import { resolve } from 'node:path';
import type { DatabaseHandle } from '../src/database.ts';
import { readDbEnv } from '../src/env.ts';

/** The database the scripts work on: DATABASE_URL through the Neon driver, else PGlite. */
export async function openFromEnv(): Promise<{ handle: DatabaseHandle; where: string }> {
  const env = readDbEnv(process.env);
  if (env.DATABASE_URL) {
    const { createNeonNodeDb } = await import('../src/neon-node.ts');
    const where = new URL(env.DATABASE_URL).host;
    return {
      handle: createNeonNodeDb({
        connectionString: env.DATABASE_URL,
        localProxy: env.NEON_LOCAL_PROXY,
      }),
      where,
    };
  }
  const { createPgliteDb } = await import('../src/pglite.ts');
  const dataDir = resolve(process.cwd(), env.PGLITE_DATA_DIR);
  return { handle: await createPgliteDb({ dataDir }), where: dataDir };
}
