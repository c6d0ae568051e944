import { cacheEnvShape } from '@edgecart/cache/env';
import { dbEnvShape } from '@edgecart/db/env';
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/** The one place the web app reads the environment. See .env.example. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    ...dbEnvShape,
    ...cacheEnvShape,
  },
  client: {},
  shared: {
    /** The shop's public origin, for canonical URLs, the sitemap and social cards. */
    NEXT_PUBLIC_SITE_URL: z.url().default('http://localhost:3000'),
  },
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    NEON_LOCAL_PROXY: process.env.NEON_LOCAL_PROXY,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR,
    UPSTASH_REDIS_REST_URL: process.env.UPSTASH_REDIS_REST_URL,
    UPSTASH_REDIS_REST_TOKEN: process.env.UPSTASH_REDIS_REST_TOKEN,
    NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL,
  },
  emptyStringAsUndefined: true,
});
