/**
 * One data point per request the Worker serves (Workers Analytics Engine,
 * through the `METRICS` binding): its route pattern, method, status, time
 * to the response's headers, what the page cache did and the colo. Locally
 * (ANALYTICS_LOCAL_URL, set by preview:edge) the same point goes to the
 * stand-in instead, since wrangler's local binding keeps nothing.
 */
import {
  type AnalyticsDataset,
  type DataPoint,
  requestDataPoint,
} from '@edgecart/core/metrics-layout';
import { DEFAULT_ANALYTICS_DATASET } from '../metrics/analytics-config.ts';
import { httpDataset } from '../metrics/http-dataset.ts';
import { matchRoute } from '../metrics/route-pattern.ts';
import type { RequestLogLine } from './request-log.ts';
import { requestStateOf } from './request-state.ts';

export interface MetricsEnv {
  METRICS?: AnalyticsDataset;
  ANALYTICS_LOCAL_URL?: string;
  ANALYTICS_DATASET?: string;
}

interface WaitUntil {
  waitUntil: (promise: Promise<unknown>) => void;
}

let refusedOnce = false;

/** The dataset a request's points go to; null where none is bound (a test's Worker). */
export function metricsDataset(env: MetricsEnv, ctx: WaitUntil): AnalyticsDataset | null {
  if (env.ANALYTICS_LOCAL_URL) {
    return httpDataset({
      url: env.ANALYTICS_LOCAL_URL,
      dataset: env.ANALYTICS_DATASET || DEFAULT_ANALYTICS_DATASET,
      waitUntil: (promise) => ctx.waitUntil(promise),
    });
  }
  return env.METRICS ?? null;
}

/** Writes a point; the binding throws on a malformed one, which must never fail a request. */
export function writePoint(dataset: AnalyticsDataset | null, point: DataPoint): void {
  try {
    dataset?.writeDataPoint(point);
  } catch (error) {
    if (refusedOnce) return;
    refusedOnce = true;
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: 'metrics data point refused',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

/** The observer withRequestLog calls once a request's answer is known. */
export function recordRequest(
  line: RequestLogLine,
  request: Request,
  env: MetricsEnv,
  ctx: object,
): void {
  const { pattern, group } = matchRoute(line.route);
  const colo = (request as Request & { cf?: { colo?: unknown } }).cf?.colo;
  writePoint(
    metricsDataset(env, ctx as WaitUntil),
    requestDataPoint({
      route: pattern,
      group,
      method: line.method,
      status: line.status,
      durationMs: line.durationMs,
      pageCache: requestStateOf(ctx)?.pageCache ?? 'none',
      colo: typeof colo === 'string' ? colo : 'local',
    }),
  );
}
