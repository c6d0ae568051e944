import { assertTtlSeconds, type Cache, decodeCacheValue, encodeCacheValue } from './cache.ts';
import { upstashClient } from './upstash-client.ts';

export interface UpstashOptions {
  url: string;
  token: string;
}

/** Upstash Redis over its REST API (fetch only): runs in Workers and in Node. */
export function createUpstashCache(options: UpstashOptions): Cache {
  const redis = upstashClient(options, {
    // The client would JSON.parse every reply on its own, turning a stored '42' into 42
    // and 'null' into a miss, and it writes strings as they are. This adapter writes and
    // reads the JSON text itself (cache.ts), so replies must come back untouched.
    automaticDeserialization: false,
    // Every value is JSON text this adapter wrote, so valid UTF-8: the base64 wrapping that
    // guards arbitrary bytes would only cost time on large entries (a cached page).
    responseEncoding: false,
    // Retries belong to the caller: a slow cache must not hold a request up.
    retry: { retries: 1, backoff: () => 50 },
  });
  return {
    kind: 'upstash',
    async get<T>(key: string) {
      return decodeCacheValue<T>(await redis.get<string>(key));
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const texts = await redis.mget<(string | null)[]>(...keys);
      return texts.map((text) => decodeCacheValue(text));
    },
    async set(key, value, { ttlSeconds }) {
      assertTtlSeconds(ttlSeconds);
      await redis.set(key, encodeCacheValue(value), { ex: ttlSeconds });
    },
    async add(key, value, { ttlSeconds }) {
      assertTtlSeconds(ttlSeconds);
      const reply = await redis.set(key, encodeCacheValue(value), { nx: true, ex: ttlSeconds });
      return reply === 'OK';
    },
    async delete(...keys) {
      if (keys.length > 0) await redis.del(...keys);
    },
    async ping() {
      const reply = await redis.ping();
      if (reply !== 'PONG') throw new Error(`unexpected PING reply: ${String(reply)}`);
    },
  };
}
