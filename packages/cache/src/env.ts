import { z } from 'zod';

/** The cache's settings; the web app's env.ts spreads these into its own. */
export const cacheEnvShape = {
  /** Upstash Redis REST URL; the in-memory cache is used when unset. */
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  /** Upstash Redis REST token (the read-write one). */
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
};

export type CacheEnv = {
  UPSTASH_REDIS_REST_URL?: string | undefined;
  UPSTASH_REDIS_REST_TOKEN?: string | undefined;
};
