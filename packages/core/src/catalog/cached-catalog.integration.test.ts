import { createReadThrough, createUpstashCache } from '@edgecart/cache';
import { BRIDGE_PATIENCE_MS, startRedis, startUpstashBridge } from '@edgecart/dev-services';
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
      // The contract asserts hits; outages have tests of their own (@edgecart/cache).
      timeoutMs: BRIDGE_PATIENCE_MS,
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
