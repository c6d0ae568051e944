import { assertTtlSeconds, type Cache, decodeCacheValue, encodeCacheValue } from './cache.ts';

/** The embedded default: a Map with expiry, for one process. */
export function createMemoryCache(now: () => number = Date.now): Cache {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  return {
    kind: 'memory',
    async get<T>(key: string) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return decodeCacheValue<T>(entry.json);
    },
    async set(key, value, { ttlSeconds }) {
      assertTtlSeconds(ttlSeconds);
      // Stored as JSON text, like the Upstash adapter, so that both give back the same
      // thing and callers cannot mutate what is cached.
      const json = encodeCacheValue(value);
      entries.set(key, { json, expiresAt: now() + ttlSeconds * 1000 });
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async ping() {},
  };
}
