import { startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { Redis } from '@upstash/redis';
import { describe, expect, it } from 'vitest';
import { describeCacheContract } from './cache.contract.ts';
import { createCache } from './index.ts';
import { createUpstashCache } from './upstash.ts';

describeCacheContract('Upstash (real client → REST bridge → redis-server)', async () => {
  const redis = await startRedis();
  const bridge = await startUpstashBridge({ redisUrl: redis.url });
  return {
    cache: createUpstashCache({ url: bridge.url, token: bridge.token }),
    close: async () => {
      await bridge.close();
      await redis.stop();
    },
  };
});

describe('choosing a cache', () => {
  it('uses memory without settings and refuses a URL without a token', () => {
    expect(createCache({}).kind).toBe('memory');
    expect(() => createCache({ UPSTASH_REDIS_REST_URL: 'https://x.upstash.io' })).toThrow(
      /UPSTASH_REDIS_REST_TOKEN/,
    );
  });

  it('fails a ping when the token is wrong, as Upstash would', async () => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    try {
      const cache = createUpstashCache({ url: bridge.url, token: 'wrong' });
      await expect(cache.ping()).rejects.toThrow();
    } finally {
      await bridge.close();
      await redis.stop();
    }
  });
});

describe('Upstash cache entries', () => {
  async function withBridge(run: (bridge: { url: string; token: string }) => Promise<void>) {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    try {
      await run(bridge);
    } finally {
      await bridge.close();
      await redis.stop();
    }
  }

  it('are JSON text in Redis, so that other readers see the same thing', async () => {
    await withBridge(async (bridge) => {
      const cache = createUpstashCache(bridge);
      const raw = new Redis({ ...bridge, enableTelemetry: false, automaticDeserialization: false });
      await cache.set('raw:string', '42', { ttlSeconds: 60 });
      await cache.set('raw:number', 42, { ttlSeconds: 60 });
      await cache.set('raw:object', { a: null }, { ttlSeconds: 60 });
      expect(await raw.get('raw:string')).toBe('"42"');
      expect(await raw.get('raw:number')).toBe('42');
      expect(await raw.get('raw:object')).toBe('{"a":null}');
      const ttl = await raw.ttl('raw:string');
      expect(ttl).toBeGreaterThan(55);
      expect(ttl).toBeLessThanOrEqual(60);
    });
  });

  it('that are not JSON text (written by something else) read as a miss', async () => {
    await withBridge(async (bridge) => {
      const cache = createUpstashCache(bridge);
      const raw = new Redis({ ...bridge, enableTelemetry: false, automaticDeserialization: false });
      await raw.set('foreign:text', 'plain text, not JSON');
      await raw.set('foreign:empty', '');
      expect(await cache.get('foreign:text')).toBeNull();
      expect(await cache.get('foreign:empty')).toBeNull();
    });
  });
});
