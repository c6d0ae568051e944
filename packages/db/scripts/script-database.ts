import type { DatabaseHandle } from '../src/database.ts';
import { readScriptDbEnv } from '../src/env.ts';
import { openNodeDatabase } from '../src/open-node.ts';

/**
 * The database a script works on (DATABASE_URL, else PGlite), or exit 1 with
 * the reason: on CI an unset DATABASE_URL is an error, never a throwaway PGlite.
 */
export async function openScriptDatabase(): Promise<DatabaseHandle & { where: string }> {
  try {
    return await openNodeDatabase(readScriptDbEnv(process.env));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
