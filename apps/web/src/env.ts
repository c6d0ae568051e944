import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/** The one place the web app reads the environment. See .env.example. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Postgres URL for the Neon driver; the embedded PGlite database is used when unset. */
    DATABASE_URL: z.url().optional(),
    /** `host:port` of the dev-services WebSocket proxy, to reach a plain local PostgreSQL. */
    NEON_LOCAL_PROXY: z
      .string()
      .regex(/^[\w.-]+:\d+$/, 'NEON_LOCAL_PROXY is host:port')
      .optional(),
    /** Where PGlite keeps its data (relative to apps/web), or memory:// for none. */
    PGLITE_DATA_DIR: z.string().min(1).default('../../.data/pglite'),
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
    NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL,
  },
  emptyStringAsUndefined: true,
});
