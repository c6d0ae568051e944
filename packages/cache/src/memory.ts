import { assertTtlSeconds, type Cache, decodeCacheValue, encodeCacheValue } from './cache.ts';

/** The embedded default: a Map with expiry, for one process. */
export function createMemoryCache(now: () => number = Date.now): Cache {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    kind: 'memory',
    async get<T>(key: string) {
      return decodeCacheValue<T>(live(key)?.json);
    },
    async getMany(keys) {
      return keys.map((key) => decodeCacheValue(live(key)?.json));
    },
    async set(key, value, { ttlSeconds }) {
      assertTtlSeconds(ttlSeconds);
      // Stored as JSON text, like the Upstash adapter, so that both give back the same
      // thing and callers cannot mutate what is cached.
      const json = encodeCacheValue(value);
      entries.set(key, { json, expiresAt: now() + ttlSeconds * 1000 });
    },
    async add(key, value, { ttlSeconds }) {
      assertTtlSeconds(ttlSeconds);
      const json = encodeCacheValue(value);
      if (live(key)) return false;
      entries.set(key, { json, expiresAt: now() + ttlSeconds * 1000 });
      return true;
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async ping() {},
  };
}
