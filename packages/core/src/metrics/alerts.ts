import { alertIncidents, and, type Database, eq, isNotNull, isNull } from '@edgecart/db';
import type { AlertThresholds } from './alert-thresholds.ts';
import { type AnalyticsReader, datasetName, numberOf } from './analytics-reader.ts';
import { COLUMNS as C } from './layout.ts';

type RuleName =
  | 'error-rate'
  | 'p99'
  | 'webhooks-refused'
  | 'orders-to-review'
  | 'emails-failed'
  | 'cache-degraded'
  | 'checkouts-failed';

interface Rule {
  name: RuleName;
  /** How it reads in a message: "error rate", with the value's unit. */
  label: string;
  format: (value: number) => string;
  threshold: (t: AlertThresholds) => number;
  /** For request rules: the window had enough traffic to judge. */
  needsTraffic?: boolean;
  event?: string;
}

const count = (n: number) => String(Math.round(n));
const RULES: Rule[] = [
  {
    name: 'error-rate',
    label: 'error rate (5xx)',
    format: (v) => `${(v * 100).toFixed(1)}%`,
    threshold: (t) => t.errorRate,
    needsTraffic: true,
  },
  {
    name: 'p99',
    label: 'p99 response time',
    format: (v) => `${Math.round(v)} ms`,
    threshold: (t) => t.p99Ms,
    needsTraffic: true,
  },
  {
    name: 'webhooks-refused',
    label: 'refused webhooks',
    format: count,
    threshold: (t) => t.webhooksRefused,
    event: 'webhook.refused',
  },
  {
    name: 'orders-to-review',
    label: 'orders needing review',
    format: count,
    threshold: (t) => t.ordersToReview,
    event: 'order.needs_review',
  },
  {
    name: 'emails-failed',
    label: 'emails not sent',
    format: count,
    threshold: (t) => t.emailsFailed,
    event: 'email.failed',
  },
  {
    name: 'cache-degraded',
    label: 'cache outages',
    format: count,
    threshold: (t) => t.cacheDegraded,
    event: 'cache.degraded',
  },
  {
    name: 'checkouts-failed',
    label: 'failed checkouts',
    format: count,
    threshold: (t) => t.checkoutsFailed,
    event: 'checkout.failed',
  },
];

export interface RuleReading {
  rule: RuleName;
  value: number;
  threshold: number;
  firing: boolean;
}

/**
 * `toDateTime(<unix seconds>)`: the window is the app's clock, not the API's.
 * Whole seconds, as Analytics Engine keeps them; the window's end is rounded up
 * so that a point of this very second is in it.
 */
const at = (date: Date, round: (n: number) => number) =>
  `toDateTime(${round(date.getTime() / 1000)})`;

/** Every rule's value over the window ending at `now`, in two queries. */
export async function readAlertRules(
  reader: AnalyticsReader,
  options: { dataset: string; thresholds: AlertThresholds; now: Date },
): Promise<RuleReading[]> {
  const { thresholds: t, now } = options;
  const dataset = datasetName(options.dataset);
  const from = new Date(now.getTime() - t.windowMinutes * 60_000);
  const window = `timestamp > ${at(from, Math.floor)} AND timestamp <= ${at(now, Math.ceil)}`;
  const [requests, events] = await Promise.all([
    reader.query(
      `SELECT sum(_sample_interval) AS requests, sumIf(_sample_interval, ${C.status} >= 500) AS errors, quantileExactWeighted(0.99)(${C.durationMs}, _sample_interval) AS p99 FROM ${dataset} WHERE ${C.kind} = 'request' AND ${window} FORMAT JSON`,
    ),
    reader.query(
      `SELECT ${C.event} AS event, sum(_sample_interval) AS n FROM ${dataset} WHERE ${C.kind} = 'event' AND ${window} GROUP BY event FORMAT JSON`,
    ),
  ]);
  const total = numberOf(requests[0]?.requests);
  const measured: Record<string, number> = {
    'error-rate': total > 0 ? numberOf(requests[0]?.errors) / total : 0,
    p99: numberOf(requests[0]?.p99),
  };
  const byEvent = new Map(events.map((row) => [String(row.event), numberOf(row.n)]));
  return RULES.map((rule) => {
    const value = rule.event ? (byEvent.get(rule.event) ?? 0) : (measured[rule.name] ?? 0);
    const threshold = rule.threshold(t);
    const enough = !rule.needsTraffic || total >= t.minRequests;
    const firing = enough && (rule.event ? value >= threshold : value > threshold);
    return { rule: rule.name, value, threshold, firing };
  });
}

/** Where alerts go: a Slack-compatible incoming webhook (`{ text }`). */
export interface AlertNotifier {
  post(message: { text: string }): Promise<void>;
}

export interface AlertRun {
  opened: RuleName[];
  resolved: RuleName[];
  /** Notifications that failed: they are sent again by the next run. */
  unsent: number;
}

function describe(rule: Rule, value: number, threshold: number) {
  return `${rule.label} ${rule.format(value)} (threshold ${rule.format(threshold)})`;
}

/**
 * The scheduled run's alerting: reads the rules, opens an incident for a rule
 * newly over its threshold and closes the one of a rule back under it, then
 * posts what has not been posted yet: once when an incident opens, once when
 * it is resolved, each with a link to the dashboard.
 */
export async function checkAlerts(deps: {
  db: Database;
  reader: AnalyticsReader;
  dataset: string;
  thresholds: AlertThresholds;
  notifier: AlertNotifier | null;
  dashboardUrl: string;
  now: Date;
}): Promise<AlertRun> {
  const { db, now, thresholds } = deps;
  const readings = await readAlertRules(deps.reader, {
    dataset: deps.dataset,
    thresholds,
    now,
  });
  const run: AlertRun = { opened: [], resolved: [], unsent: 0 };
  for (const reading of readings) {
    if (reading.firing) {
      // The partial unique index keeps one open incident per rule, whoever runs at once.
      const inserted = await db
        .insert(alertIncidents)
        .values({
          rule: reading.rule,
          openedAt: now,
          openedValue: reading.value,
          threshold: reading.threshold,
        })
        .onConflictDoNothing()
        .returning({ id: alertIncidents.id });
      if (inserted.length > 0) run.opened.push(reading.rule);
    } else {
      const resolved = await db
        .update(alertIncidents)
        .set({ resolvedAt: now, resolvedValue: reading.value })
        .where(and(eq(alertIncidents.rule, reading.rule), isNull(alertIncidents.resolvedAt)))
        .returning({ id: alertIncidents.id });
      if (resolved.length > 0) run.resolved.push(reading.rule);
    }
  }
  if (!deps.notifier) return run;
  const window = `the last ${thresholds.windowMinutes} min`;
  const toOpen = await db
    .select()
    .from(alertIncidents)
    .where(isNull(alertIncidents.openNotifiedAt));
  // Each post is claimed first (its mark set where it was unset), so that two runs at once
  // post it once; a post that fails gives its claim back for the next run.
  const send = async (
    text: string,
    column: 'openNotifiedAt' | 'resolveNotifiedAt',
    incidentId: number,
  ) => {
    const claimed = await db
      .update(alertIncidents)
      .set({ [column]: now })
      .where(and(eq(alertIncidents.id, incidentId), isNull(alertIncidents[column])))
      .returning({ id: alertIncidents.id });
    if (claimed.length === 0) return;
    try {
      await deps.notifier?.post({ text });
    } catch {
      run.unsent += 1;
      await db
        .update(alertIncidents)
        .set({ [column]: null })
        .where(eq(alertIncidents.id, incidentId));
    }
  };
  for (const incident of toOpen) {
    const rule = RULES.find((r) => r.name === incident.rule);
    if (!rule) continue;
    await send(
      `:red_circle: Edgecart: ${describe(rule, incident.openedValue, incident.threshold)} over ${window}. ${deps.dashboardUrl}`,
      'openNotifiedAt',
      incident.id,
    );
  }
  // After the openings: an incident opened and resolved before either was posted goes in order.
  const toResolve = await db
    .select()
    .from(alertIncidents)
    .where(
      and(
        isNotNull(alertIncidents.resolvedAt),
        isNotNull(alertIncidents.openNotifiedAt),
        isNull(alertIncidents.resolveNotifiedAt),
      ),
    );
  for (const incident of toResolve) {
    const rule = RULES.find((r) => r.name === incident.rule);
    if (!rule) continue;
    const minutes = Math.max(
      1,
      Math.round(((incident.resolvedAt?.getTime() ?? 0) - incident.openedAt.getTime()) / 60_000),
    );
    await send(
      `:large_green_circle: Edgecart recovered: ${describe(rule, incident.resolvedValue ?? 0, incident.threshold)} over ${window}, after ${minutes} min. ${deps.dashboardUrl}`,
      'resolveNotifiedAt',
      incident.id,
    );
  }
  return run;
}

export interface OpenIncident {
  rule: RuleName;
  /** How the rule reads, with the value when it opened and the threshold: for the dashboard. */
  summary: string;
  openedAt: Date;
  notified: boolean;
}

/** The incidents still open, oldest first: what /admin/metrics shows above its charts. */
export async function openAlertIncidents(db: Database): Promise<OpenIncident[]> {
  const rows = await db
    .select()
    .from(alertIncidents)
    .where(isNull(alertIncidents.resolvedAt))
    .orderBy(alertIncidents.openedAt);
  return rows.flatMap((row) => {
    const rule = RULES.find((r) => r.name === row.rule);
    return rule
      ? [
          {
            rule: rule.name,
            summary: describe(rule, row.openedValue, row.threshold),
            openedAt: row.openedAt,
            notified: row.openNotifiedAt !== null,
          },
        ]
      : [];
  });
}
