import { type Database, databaseErrorKind } from '@edgecart/db';
import { createNeonRequestDb } from '@edgecart/db/neon-request';
import { getCloudflareContext } from '@opennextjs/cloudflare';
import { env } from '~/env';
import { logError } from '../../http/log-error.ts';
import { requestStateOf } from '../../worker-entry/request-state.ts';

// One database object per request; it holds no connection between queries.
const perRequest = new WeakMap<object, Database>();

/**
 * In a Worker: the Neon driver, queries over its HTTP path (no connection set
 * up or kept by the request), a transaction on a WebSocket connection of its
 * own that closes when the transaction ends. A query that fails because the
 * database cannot be reached marks the request, so that the entry answers 503.
 */
export function getRequestDb(): Database {
  const { ctx } = getCloudflareContext();
  const existing = perRequest.get(ctx);
  if (existing) return existing;
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: the Worker needs a Postgres URL for the Neon driver (see .env.example).',
    );
  }
  const db = createNeonRequestDb({
    connectionString: env.DATABASE_URL,
    localProxy: env.NEON_LOCAL_PROXY,
    timeoutMs: 5_000,
    onError: (error) => {
      if (databaseErrorKind(error) !== 'unavailable') return;
      const state = requestStateOf(ctx);
      if (state) state.databaseUnavailable = true;
      logError({ msg: 'database unavailable', requestId: state?.requestId ?? null }, error);
    },
  });
  perRequest.set(ctx, db);
  return db;
}
