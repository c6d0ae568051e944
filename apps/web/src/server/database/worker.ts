import type { Database } from '@edgecart/db';
import { createNeonDb } from '@edgecart/db/neon';
import { getCloudflareContext } from '@opennextjs/cloudflare';
import { env } from '~/env';

// One pool per request: a Worker may not keep a socket from one request for another.
const pools = new WeakMap<object, Database>();

/**
 * In a Worker: the Neon driver over WebSockets, a pool per request that ends
 * once its connections go idle (kept alive past the response by waitUntil).
 */
export function getRequestDb(): Database {
  const { ctx } = getCloudflareContext();
  const existing = pools.get(ctx);
  if (existing) return existing;
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: the Worker needs a Postgres URL for the Neon driver (see .env.example).',
    );
  }
  const handle = createNeonDb({
    connectionString: env.DATABASE_URL,
    localProxy: env.NEON_LOCAL_PROXY,
    idleTimeoutMillis: 2_000,
  });
  ctx.waitUntil(handle.closeWhenIdle());
  pools.set(ctx, handle.db);
  return handle.db;
}
