import type { Cache } from './cache.ts';
import type { CacheEnv } from './env.ts';
import { createMemoryCache } from './memory.ts';
import { createUpstashCache } from './upstash.ts';

export { type Cache, MAX_TTL_SECONDS } from './cache.ts';
export {
  delayAfterMs,
  type FailureDelay,
  type FailureDelayRule,
} from './failure-delay.ts';
export { createMemoryFailureDelay } from './failure-delay-memory.ts';
export {
  createUpstashFailureDelay,
  type UpstashFailureDelayOptions,
} from './failure-delay-upstash.ts';
export { createMemoryCache } from './memory.ts';
export type { RateLimiter, RateLimitResult, RateLimitRule } from './rate-limiter.ts';
export { createMemoryRateLimiter } from './rate-limiter-memory.ts';
export {
  createUpstashRateLimiter,
  type UpstashRateLimiterOptions,
} from './rate-limiter-upstash.ts';
export {
  type CacheState,
  createReadThrough,
  type ReadRequest,
  type ReadThrough,
  type ReadThroughOptions,
} from './read-through.ts';
export { createUpstashCache } from './upstash.ts';

/**
 * The cache the settings ask for: Upstash when its URL is set, else memory.
 * A URL without a token is a configuration error, said at once.
 */
export function createCache(env: CacheEnv): Cache {
  if (env.UPSTASH_REDIS_REST_URL) {
    if (!env.UPSTASH_REDIS_REST_TOKEN) {
      throw new Error('UPSTASH_REDIS_REST_URL is set but UPSTASH_REDIS_REST_TOKEN is not.');
    }
    return createUpstashCache({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
    });
  }
  return createMemoryCache();
}
