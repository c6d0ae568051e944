import { startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { describe, expect, it } from 'vitest';
import { describeCacheContract } from './cache-contract.ts';
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
