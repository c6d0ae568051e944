import { sql } from '@edgecart/db';
import { getCache } from '~/server/cache';
import { getDb } from '~/server/db';

export const dynamic = 'force-dynamic';

async function check(probe: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : 'unknown error',
    };
  }
}

/** Reachability of what the shop depends on: 200 when all answer, else 503. */
export async function GET(): Promise<Response> {
  const [database, cache] = await Promise.all([
    check(async () => (await getDb()).execute(sql`select 1`)),
    check(() => getCache().ping()),
  ]);
  const ok = database.ok && cache.ok;
  return Response.json(
    {
      status: ok ? 'ok' : 'degraded',
      checks: { database, cache: { kind: getCache().kind, ...cache } },
    },
    { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
