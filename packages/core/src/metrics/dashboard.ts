import {
  AnalyticsQueryError,
  type AnalyticsReader,
  datasetName,
  numberOf,
} from './analytics-reader.ts';
import { type BusinessEvent, businessEvents } from './business-events.ts';
import { COLUMNS as C, ROUTE_GROUPS, type RouteGroup } from './layout.ts';

/** The dashboard's windows, each cut into about 60–100 buckets. */
export const METRICS_RANGES = {
  hour: { label: 'Last hour', window: "INTERVAL '1' HOUR", seconds: 3_600, bucket: [1, 'MINUTE'] },
  day: { label: 'Last day', window: "INTERVAL '1' DAY", seconds: 86_400, bucket: [15, 'MINUTE'] },
  week: { label: 'Last week', window: "INTERVAL '7' DAY", seconds: 604_800, bucket: [2, 'HOUR'] },
} as const;

export type MetricsRange = keyof typeof METRICS_RANGES;

const UNIT_SECONDS = { MINUTE: 60, HOUR: 3_600 } as const;

export function bucketSeconds(range: MetricsRange): number {
  const [n, unit] = METRICS_RANGES[range].bucket;
  return n * UNIT_SECONDS[unit];
}

export interface LatencyStats {
  requests: number;
  errors: number;
  /** Milliseconds until the response's headers. */
  p50: number;
  p95: number;
  p99: number;
}

export interface SeriesPoint extends LatencyStats {
  /** The bucket's start, ISO 8601. */
  at: string;
}

export interface GroupSummary extends LatencyStats {
  group: RouteGroup;
  perMinute: number;
  errorRate: number;
}

export interface RouteSummary {
  route: string;
  group: RouteGroup;
  requests: number;
  errorRate: number;
  p95: number;
}

export interface MetricsDashboard {
  range: MetricsRange;
  bucketSeconds: number;
  from: string;
  to: string;
  totals: LatencyStats & { perMinute: number; errorRate: number };
  groups: GroupSummary[];
  /** Every route together, per bucket: the p50, p95 and p99 lines. */
  overall: SeriesPoint[];
  series: { group: RouteGroup; points: SeriesPoint[] }[];
  routes: RouteSummary[];
  events: Record<BusinessEvent, number>;
  /** Paid checkouts' amounts, per currency, in minor units. */
  paid: { currency: string; amount: number }[];
}

/** AE writes DateTime as `2026-12-03 12:35:00`, in UTC. */
const isoOf = (value: unknown) => `${String(value).replace(' ', 'T')}Z`;

const groupOf = (value: unknown): RouteGroup =>
  (ROUTE_GROUPS as readonly string[]).includes(String(value)) ? (value as RouteGroup) : 'other';

const latency = (row: Record<string, unknown>): LatencyStats => ({
  requests: numberOf(row.requests),
  errors: numberOf(row.errors),
  p50: numberOf(row.p50),
  p95: numberOf(row.p95),
  p99: numberOf(row.p99),
});

/** The request measures of one window, per bucket and route group when asked. */
export function requestStatsSql(
  dataset: string,
  window: string,
  options: { bucket?: readonly [number, string]; by?: 'group' | 'route' } = {},
): string {
  const keys = [
    ...(options.bucket
      ? [`toStartOfInterval(timestamp, INTERVAL '${options.bucket[0]}' ${options.bucket[1]}) AS t`]
      : []),
    ...(options.by === 'group' ? [`${C.group} AS grp`] : []),
    ...(options.by === 'route' ? [`${C.route} AS route`, `${C.group} AS grp`] : []),
  ];
  const names = keys.map((k) => k.split(' AS ')[1]);
  return [
    'SELECT',
    [
      ...keys,
      'sum(_sample_interval) AS requests',
      `sumIf(_sample_interval, ${C.status} >= 500) AS errors`,
      `quantileExactWeighted(0.5)(${C.durationMs}, _sample_interval) AS p50`,
      `quantileExactWeighted(0.95)(${C.durationMs}, _sample_interval) AS p95`,
      `quantileExactWeighted(0.99)(${C.durationMs}, _sample_interval) AS p99`,
    ].join(', '),
    `FROM ${datasetName(dataset)}`,
    `WHERE ${C.kind} = 'request' AND timestamp > now() - ${window}`,
    names.length > 0 ? `GROUP BY ${names.join(', ')}` : '',
    options.bucket ? 'ORDER BY t' : options.by === 'route' ? 'ORDER BY requests DESC LIMIT 10' : '',
    'FORMAT JSON',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Business events of one window: how many of each, and the amounts paid per currency. */
export function eventCountsSql(dataset: string, window: string): string {
  return [
    `SELECT ${C.event} AS event, ${C.currency} AS currency,`,
    `sum(_sample_interval) AS count, sum(_sample_interval * ${C.amount}) AS amount`,
    `FROM ${datasetName(dataset)}`,
    `WHERE ${C.kind} = 'event' AND timestamp > now() - ${window}`,
    'GROUP BY event, currency FORMAT JSON',
  ].join(' ');
}

/** Everything /admin/metrics shows for one window, in six queries. */
export async function readMetricsDashboard(
  reader: AnalyticsReader,
  options: { dataset: string; range: MetricsRange; now: Date },
): Promise<MetricsDashboard> {
  const { dataset, range, now } = options;
  const { window, seconds, bucket } = METRICS_RANGES[range];
  const [totalRows, groupRows, overallRows, seriesRows, routeRows, eventRows] = await Promise.all([
    reader.query(requestStatsSql(dataset, window)),
    reader.query(requestStatsSql(dataset, window, { by: 'group' })),
    reader.query(requestStatsSql(dataset, window, { bucket })),
    reader.query(requestStatsSql(dataset, window, { bucket, by: 'group' })),
    reader.query(requestStatsSql(dataset, window, { by: 'route' })),
    reader.query(eventCountsSql(dataset, window)),
  ]);
  const minutes = seconds / 60;
  const rate = (stats: LatencyStats) => (stats.requests > 0 ? stats.errors / stats.requests : 0);
  const total = latency(totalRows[0] ?? {});
  const groups = groupRows
    .map((row) => {
      const stats = latency(row);
      return {
        group: groupOf(row.grp),
        ...stats,
        perMinute: stats.requests / minutes,
        errorRate: rate(stats),
      };
    })
    .sort((a, b) => b.requests - a.requests);
  const series = groups.map(({ group }) => ({
    group,
    points: seriesRows
      .filter((row) => groupOf(row.grp) === group)
      .map((row) => ({ at: isoOf(row.t), ...latency(row) })),
  }));
  const events = Object.fromEntries(businessEvents.map((e) => [e, 0])) as Record<
    BusinessEvent,
    number
  >;
  const paid = new Map<string, number>();
  for (const row of eventRows) {
    const event = String(row.event) as BusinessEvent;
    if (!(event in events)) continue;
    events[event] += numberOf(row.count);
    if (event === 'checkout.paid' && row.currency) {
      const currency = String(row.currency);
      paid.set(currency, (paid.get(currency) ?? 0) + numberOf(row.amount));
    }
  }
  return {
    range,
    bucketSeconds: bucketSeconds(range),
    from: new Date(now.getTime() - seconds * 1000).toISOString(),
    to: now.toISOString(),
    totals: { ...total, perMinute: total.requests / minutes, errorRate: rate(total) },
    groups,
    overall: overallRows.map((row) => ({ at: isoOf(row.t), ...latency(row) })),
    series,
    routes: routeRows.map((row) => {
      const stats = latency(row);
      return {
        route: String(row.route),
        group: groupOf(row.grp),
        requests: stats.requests,
        errorRate: rate(stats),
        p95: stats.p95,
      };
    }),
    events,
    paid: [...paid]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export type MetricsDashboardResult =
  | { status: 'ok'; dashboard: MetricsDashboard }
  /** No SQL API set up (CLOUDFLARE_ACCOUNT_ID and ANALYTICS_API_TOKEN). */
  | { status: 'unconfigured' }
  /** The API refused or did not answer: why, as it said. */
  | { status: 'unavailable'; reason: string };

/** The dashboard, or why there is none: a page shows either, never an error page. */
export async function metricsDashboard(
  analytics: { reader: AnalyticsReader; dataset: string } | null,
  range: MetricsRange,
  now: Date,
): Promise<MetricsDashboardResult> {
  if (!analytics) return { status: 'unconfigured' };
  try {
    const dashboard = await readMetricsDashboard(analytics.reader, {
      dataset: analytics.dataset,
      range,
      now,
    });
    return { status: 'ok', dashboard };
  } catch (error) {
    if (error instanceof AnalyticsQueryError)
      return { status: 'unavailable', reason: error.message };
    throw error;
  }
}
