import { createReadThrough, createUpstashCache } from '@edgecart/cache';
import { startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { openNeonPostgres } from '../testing/postgres.ts';
import { describeCachedCatalogContract } from './cached-catalog.contract.ts';
import { CATALOG_CACHE_NAMESPACE } from './cached-catalog.ts';

describeCachedCatalogContract(
  'PostgreSQL through the Worker path and Upstash (REST bridge → redis-server)',
  async () => {
    const database = await openNeonPostgres({ path: 'request' });
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    const cache = createReadThrough({
      cache: createUpstashCache(bridge),
      namespace: CATALOG_CACHE_NAMESPACE,
      // The contract asserts hits: a call past the 250 ms default would leave Redis alone
      // for 5 s, as in an outage, and a loaded CI machine's local bridge can take that long
      // (a fresh-clone run did). Outages have tests of their own (@edgecart/cache).
      timeoutMs: 10_000,
    });
    return {
      db: database.db,
      cache,
      close: async () => {
        await bridge.close();
        await redis.stop();
        await database.close();
      },
    };
  },
);
