import { createMemoryCache, createReadThrough } from '@edgecart/cache';
import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCachedCatalogContract } from './cached-catalog.contract.ts';
import { CATALOG_CACHE_NAMESPACE } from './cached-catalog.ts';

describeCachedCatalogContract('PGlite and the memory cache', async () => {
  const { db, close } = await createPgliteDb();
  const cache = createReadThrough({
    cache: createMemoryCache(),
    namespace: CATALOG_CACHE_NAMESPACE,
  });
  return { db, cache, close };
});
