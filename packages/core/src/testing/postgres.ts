import type { Database } from '@edgecart/db';
import { migrate } from '@edgecart/db';
import { createNeonNodeDb, nodeWebSocket } from '@edgecart/db/neon-node';
import { createNeonRequestDb } from '@edgecart/db/neon-request';
import { type LocalPostgres, startNeonStandIn, startPostgres } from '@edgecart/dev-services';

/**
 * A throwaway PostgreSQL behind the dev-services Neon stand-in, migrated (and
 * seeded when asked), reached through the production driver: its WebSocket
 * pool, or the Worker's per-request database (reads over HTTP, transactions on
 * a WebSocket of their own). For integration tests.
 */
export async function openNeonPostgres(options: {
  path: 'pool' | 'request';
  seed?: (db: Database) => Promise<unknown>;
}): Promise<{ db: Database; close: () => Promise<void>; postgres: LocalPostgres }> {
  const postgres = await startPostgres();
  const standIn = await startNeonStandIn({ postgres: { host: '127.0.0.1', port: postgres.port } });
  const pool = createNeonNodeDb({
    connectionString: postgres.connectionString,
    localProxy: standIn.address,
  });
  const close = async () => {
    await pool.close();
    await standIn.close();
    postgres.stop();
  };
  try {
    await migrate(pool.db);
    await options.seed?.(pool.db);
  } catch (error) {
    await close();
    throw error;
  }
  const db =
    options.path === 'pool'
      ? pool.db
      : createNeonRequestDb({
          connectionString: postgres.connectionString,
          localProxy: standIn.address,
          webSocketConstructor: nodeWebSocket(),
        });
  return { db, close, postgres };
}
