import { sql } from '@edgecart/db';
import { getCache } from '~/server/cache';
import { getDb } from '~/server/db';
import { runHealthChecks } from '~/server/health';

export const dynamic = 'force-dynamic';

/** Reachability of what the shop depends on, with latencies: 200 when all answer, else 503. */
export async function GET(): Promise<Response> {
  const report = await runHealthChecks({
    database: async () => (await getDb()).execute(sql`select 1`),
    cache: () => getCache().ping(),
  });
  return Response.json(
    { ...report, cacheAdapter: getCache().kind },
    { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
