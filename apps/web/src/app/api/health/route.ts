export const dynamic = 'force-dynamic';

/**
 * Liveness: the Worker answers. Touches no dependency, so it is cheap to call
 * as often as a monitor likes; `/api/health/deep` checks the database and cache.
 */
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
