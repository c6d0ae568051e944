import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { migrate } from '@edgecart/db';
import { createNeonNodeDb, nodeWebSocket } from '@edgecart/db/neon-node';
import { createNeonRequestDb } from '@edgecart/db/neon-request';
import { startNeonStandIn, startPostgres } from '@edgecart/dev-services';
import { describeAccountsContract } from './accounts-contract.ts';

describeAccountsContract(
  'PostgreSQL through the Neon driver (HTTP reads, WebSocket transactions)',
  async () => {
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
    } catch (error) {
      await close();
      throw error;
    }
    const db = createNeonRequestDb({
      connectionString: postgres.connectionString,
      localProxy: standIn.address,
      webSocketConstructor: nodeWebSocket(),
    });
    return { db, close, argon2: await loadArgon2() };
  },
);
