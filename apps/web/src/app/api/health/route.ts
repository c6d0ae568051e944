import { env } from '~/env';

export const dynamic = 'force-dynamic';

/**
 * Liveness: the Worker answers and its settings are valid (reading ~/env
 * throws at once when a deployed Worker lacks a secret). Touches no
 * dependency, so it is cheap to call as often as a monitor likes;
 * `/api/health/deep` checks the database and the cache.
 */
export function GET(): Response {
  return Response.json(
    { status: 'ok', deployEnv: env.DEPLOY_ENV },
    { headers: { 'cache-control': 'no-store' } },
  );
}
