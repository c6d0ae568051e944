import { migrate } from '@edgecart/db';
import { createNeonNodeDb } from '@edgecart/db/neon-node';
import { seedCatalog } from '@edgecart/db/seed';
import { startPostgres, startWsProxy } from '@edgecart/dev-services';
import { describeCatalogContract } from '../testing/catalog-contract.ts';

describeCatalogContract('the Neon driver against PostgreSQL', async () => {
  const postgres = await startPostgres();
  const proxy = await startWsProxy();
  const handle = createNeonNodeDb({
    connectionString: postgres.connectionString,
    localProxy: proxy.address,
  });
  try {
    await migrate(handle.db);
    await seedCatalog(handle.db);
  } catch (error) {
    await handle.close();
    await proxy.close();
    postgres.stop();
    throw error;
  }
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await proxy.close();
      postgres.stop();
    },
  };
});
