import { z } from 'zod';
import { CACHE_TIMEOUT_MS_RANGE, DEFAULT_CACHE_TIMEOUT_MS } from './cache-timeout.ts';

/** The cache's settings; the web app's env.ts spreads these into its own. */
export const cacheEnvShape = {
  /** Upstash Redis REST URL; the in-memory cache is used when unset. */
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  /** Upstash Redis REST token (the read-write one). */
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /**
   * A second Upstash database for the rate limits' counts alone, so that no
   * cached page or entry can ever evict one (give the cache database eviction,
   * and this one none). Unset: the limits count in the cache's database.
   */
  UPSTASH_LIMITS_REDIS_REST_URL: z.url().optional(),
  UPSTASH_LIMITS_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /**
   * `off` sends every catalog read and page to the database, as if nothing
   * were cached: for the benchmark's cold runs and for comparing. `on` by default.
   */
  CATALOG_CACHE: z.enum(['on', 'off']).default('on'),
  /**
   * The first part of every cached key: one per deployment sharing a Redis
   * (each preview sets `pr-<N>`). `edgecart` by default.
   */
  CACHE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes, at most 40')
    .default('edgecart'),
  /**
   * How long a cache call may take before the read goes to the database and the
   * cache is left alone for 5 s, in milliseconds: 250 by default (an Upstash call
   * from a Worker takes a few). Tests on a loaded machine give it more.
   */
  CACHE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(CACHE_TIMEOUT_MS_RANGE.min)
    .max(CACHE_TIMEOUT_MS_RANGE.max)
    .default(DEFAULT_CACHE_TIMEOUT_MS),
};

export type CacheEnv = {
  UPSTASH_REDIS_REST_URL?: string | undefined;
  UPSTASH_REDIS_REST_TOKEN?: string | undefined;
  UPSTASH_LIMITS_REDIS_REST_URL?: string | undefined;
  UPSTASH_LIMITS_REDIS_REST_TOKEN?: string | undefined;
  CATALOG_CACHE?: 'on' | 'off' | undefined;
  CACHE_PREFIX?: string | undefined;
  CACHE_TIMEOUT_MS?: number | undefined;
};
