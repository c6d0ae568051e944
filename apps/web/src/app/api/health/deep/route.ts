import { sql } from '@edgecart/db';
import { getCache } from '~/server/cache';
import { getDb } from '~/server/db';
import { memoizedHealth } from '~/server/health';

export const dynamic = 'force-dynamic';

const deepCheck = memoizedHealth(
  {
    database: async () => (await getDb()).execute(sql`select 1`),
    cache: () => getCache().ping(),
  },
  { ttlMs: 5_000 },
);

/**
 * Readiness: the database and the cache, with latencies; 200 when both
 * answer, else 503. Answers from one probe for up to 5 s, so repeated calls
 * cost the dependencies nothing more.
 */
export async function GET(): Promise<Response> {
  const report = await deepCheck();
  return Response.json(
    { ...report, cacheAdapter: getCache().kind },
    { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
