import type { Cache } from './cache.ts';

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
      return JSON.parse(entry.json) as T;
    },
    async set(key, value, { ttlSeconds }) {
      // Stored as JSON, like Redis, so that callers cannot mutate what is cached.
      entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async ping() {},
  };
}
