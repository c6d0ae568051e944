import { Redis } from '@upstash/redis';
import type { Cache } from './cache.ts';

export interface UpstashOptions {
  url: string;
  token: string;
}

/** Upstash Redis over its REST API (fetch only): runs in Workers and in Node. */
export function createUpstashCache(options: UpstashOptions): Cache {
  const redis = new Redis({
    url: options.url,
    token: options.token,
    enableTelemetry: false,
    // Retries belong to the caller: a slow cache must not hold a request up.
    retry: { retries: 1, backoff: () => 50 },
  });
  return {
    kind: 'upstash',
    async get<T>(key: string) {
      return (await redis.get<T>(key)) ?? null;
    },
    async set(key, value, { ttlSeconds }) {
      await redis.set(key, value, { ex: ttlSeconds });
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
