import { migrate } from '@edgecart/db';
import { createNeonNodeDb, nodeWebSocket } from '@edgecart/db/neon-node';
import { createNeonRequestDb } from '@edgecart/db/neon-request';
import { seedCatalog } from '@edgecart/db/seed';
import { startNeonStandIn, startPostgres } from '@edgecart/dev-services';
import type { SeededDatabase } from '../testing/catalog-contract.ts';
import { describeCatalogContract } from '../testing/catalog-contract.ts';
import { describeCatalogFuzz } from '../testing/catalog-fuzz.ts';

type Path = 'pool' | 'request';

/**
 * A throwaway PostgreSQL server behind the dev-services Neon stand-in, reached
 * through the production driver: its WebSocket Pool (Node processes, scripts)
 * or the Worker's per-request database (reads over HTTP, transactions over a
 * WebSocket of their own).
 */
function openPostgres(path: Path) {
  return async (): Promise<SeededDatabase> => {
    const postgres = await startPostgres();
    const standIn = await startNeonStandIn({
      postgres: { host: '127.0.0.1', port: postgres.port },
    });
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
      await seedCatalog(pool.db);
    } catch (error) {
      await close();
      throw error;
    }
    const db =
      path === 'pool'
        ? pool.db
        : createNeonRequestDb({
            connectionString: postgres.connectionString,
            localProxy: standIn.address,
            webSocketConstructor: nodeWebSocket(),
          });
    return { db, close };
  };
}

describeCatalogContract('the Neon WebSocket pool against PostgreSQL', openPostgres('pool'));
describeCatalogContract('the Neon HTTP path against PostgreSQL', openPostgres('request'));
describeCatalogFuzz('the Neon HTTP path against PostgreSQL', openPostgres('request'), {
  numRuns: 200,
});
