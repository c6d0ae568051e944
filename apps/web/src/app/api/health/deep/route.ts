import { sql } from '@edgecart/db';
import { memoizedHealth } from '~/server/http/health';
import { getCache, getCatalogCache } from '~/server/services/cache';
import { getDb } from '~/server/services/db';

export const dynamic = 'force-dynamic';

/** The cache answers in milliseconds or is as good as down: reads give up on it after 250 ms. */
const CACHE_PROBE_MS = 500;

const deepCheck = memoizedHealth(
  {
    database: async () => (await getDb()).execute(sql`select 1`),
    cache: { run: () => getCache().ping(), timeoutMs: CACHE_PROBE_MS },
  },
  { ttlMs: 5_000 },
);

/**
 * Readiness: the database and the cache, with latencies. 503 when the
 * database does not answer (the shop cannot sell); when only the cache does
 * not, the status is "degraded" with 200: pages and reads go to the database
 * and the shop stays up. `catalogCache` says whether this isolate's reads are
 * getting through to the cache. Answers from one probe for up to 5 s.
 */
export async function GET(): Promise<Response> {
  const report = await deepCheck();
  return Response.json(
    {
      ...report,
      cacheAdapter: getCache().kind,
      catalogCache: getCatalogCache()?.state() ?? { status: 'off' },
    },
    {
      status: report.checks.database?.ok ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    },
  );
}
