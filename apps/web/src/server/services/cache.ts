import 'server-only';
import { type Cache, createCache, createReadThrough, type ReadThrough } from '@edgecart/cache';
import { catalogCacheNamespace } from '@edgecart/core/cache-tags';
import { env } from '~/env';
import { businessMetrics } from './metrics.ts';

// Upstash's client is fetch-based and holds no socket, so one serves every request; the
// read-through's state (whether Redis answers) is per process, or per isolate in a Worker.
const holder = globalThis as { edgecartCache?: Cache; edgecartCatalogCache?: ReadThrough };

/** The shop's cache: Upstash Redis when configured, else in memory. */
export function getCache(): Cache {
  holder.edgecartCache ??= createCache(env);
  return holder.edgecartCache;
}

/** Catalog reads through the cache; null when CATALOG_CACHE is off. */
export function getCatalogCache(): ReadThrough | null {
  if (env.CATALOG_CACHE === 'off') return null;
  holder.edgecartCatalogCache ??= createReadThrough({
    cache: getCache(),
    namespace: catalogCacheNamespace(env.CACHE_PREFIX),
    // Small values (a page of products is a few kilobytes): keep many.
    localEntries: 500,
    timeoutMs: env.CACHE_TIMEOUT_MS,
    // Counted for /admin/metrics and the alerts: reads fell back to the database.
    onUnavailable: () => businessMetrics.record('cache.degraded', { reason: 'unavailable' }),
  });
  return holder.edgecartCatalogCache;
}
