import {
  checkAlerts,
  DEFAULT_ALERT_THRESHOLDS,
  eventDataPoint,
  openAlertIncidents,
  requestDataPoint,
} from '@edgecart/core';
import { createPgliteDb } from '@edgecart/db/pglite';
import {
  type AnalyticsEngineStandIn,
  startAnalyticsEngineStandIn,
  startWebhookCatcher,
  type WebhookCatcher,
} from '@edgecart/dev-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsQueryConfig } from './analytics-config.ts';
import { createAnalyticsReader } from './analytics-sql-client.ts';
import { httpDataset } from './http-dataset.ts';
import { webhookNotifier } from './webhook-notifier.ts';

let standIn: AnalyticsEngineStandIn;
let catcher: WebhookCatcher;
let database: Awaited<ReturnType<typeof createPgliteDb>>;
beforeAll(async () => {
  standIn = await startAnalyticsEngineStandIn();
  catcher = await startWebhookCatcher();
  database = await createPgliteDb();
});
afterAll(async () => {
  await standIn?.close();
  await catcher?.close();
  await database?.close();
});

async function record(points: ReturnType<typeof requestDataPoint>[], dataset = 'alerts_test') {
  const writes: Promise<unknown>[] = [];
  const target = httpDataset({ url: standIn.url, dataset, waitUntil: (p) => writes.push(p) });
  for (const point of points) target.writeDataPoint(point);
  await Promise.all(writes);
}

const request = (status: number) =>
  requestDataPoint({
    route: '/api/trpc/[trpc]',
    group: 'api',
    method: 'POST',
    status,
    durationMs: 40,
    pageCache: 'none',
    colo: 'local',
  });

function check(now: Date, dataset = 'alerts_test') {
  const config = analyticsQueryConfig({
    ANALYTICS_LOCAL_URL: standIn.url,
    CLOUDFLARE_ACCOUNT_ID: standIn.accountId,
    ANALYTICS_API_TOKEN: standIn.apiToken,
    ANALYTICS_DATASET: dataset,
  });
  if (!config) throw new Error('no config');
  return checkAlerts({
    db: database.db,
    reader: createAnalyticsReader(config),
    dataset,
    thresholds: DEFAULT_ALERT_THRESHOLDS,
    notifier: webhookNotifier(catcher.url),
    dashboardUrl: 'https://shop.example/admin/metrics',
    now,
  });
}

const texts = () => catcher.received.map((m) => (m as { text: string }).text);
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('alerts', () => {
  it('post once when an incident opens, retry a post that failed, and once when it recovers', async () => {
    // A quiet window: a single failure among too few requests to judge pages nobody.
    await record([request(503), request(200)]);
    expect(await check(new Date())).toEqual({ opened: [], resolved: [], unsent: 0 });

    // The induced failure: half of 30 requests answered 503.
    await record(Array.from({ length: 30 }, (_, i) => request(i % 2 === 0 ? 503 : 200)));
    expect(await check(new Date())).toEqual({ opened: ['error-rate'], resolved: [], unsent: 0 });
    expect(texts()).toEqual([
      expect.stringMatching(
        /^:red_circle: Edgecart: error rate \(5xx\) 5\d\.\d% \(threshold 5\.0%\) over the last 10 min\. https:\/\/shop\.example\/admin\/metrics$/,
      ),
    ]);
    expect(await openAlertIncidents(database.db)).toEqual([
      expect.objectContaining({
        rule: 'error-rate',
        summary: expect.stringMatching(/^error rate \(5xx\) 5\d\.\d% \(threshold 5\.0%\)$/),
        notified: true,
      }),
    ]);
    // Still failing on the next run: no second post for the same incident.
    expect(await check(new Date())).toEqual({ opened: [], resolved: [], unsent: 0 });
    expect(catcher.received).toHaveLength(1);

    // Emails start failing while the chat tool is down: the post is kept for the next run.
    await record([1, 2, 3].map(() => eventDataPoint('email.failed', { reason: 'retrying' })));
    catcher.failNext(503);
    expect(await check(new Date())).toEqual({ opened: ['emails-failed'], resolved: [], unsent: 1 });
    expect(catcher.received).toHaveLength(1);
    expect(await check(new Date())).toEqual({ opened: [], resolved: [], unsent: 0 });
    expect(texts()[1]).toMatch(/^:red_circle: Edgecart: emails not sent 3 \(threshold 3\)/);

    // Eleven minutes on, the window holds none of it: both recover, each posted once.
    const later = minutes(11);
    expect(await check(later)).toEqual({
      opened: [],
      resolved: ['error-rate', 'emails-failed'],
      unsent: 0,
    });
    expect(texts().slice(2)).toEqual([
      expect.stringMatching(
        /^:large_green_circle: Edgecart recovered: error rate \(5xx\) 0\.0% \(threshold 5\.0%\) over the last 10 min, after 11 min\./,
      ),
      expect.stringMatching(
        /^:large_green_circle: Edgecart recovered: emails not sent 0 \(threshold 3\)/,
      ),
    ]);
    expect(await openAlertIncidents(database.db)).toEqual([]);
    expect(await check(minutes(12))).toEqual({ opened: [], resolved: [], unsent: 0 });
    expect(catcher.received).toHaveLength(4);
  });

  it('opens one incident however many runs race on it', async () => {
    await record(
      Array.from({ length: 25 }, () => request(500)),
      'alerts_race_test',
    );
    const now = new Date();
    const runs = await Promise.all(Array.from({ length: 5 }, () => check(now, 'alerts_race_test')));
    expect(runs.flatMap((r) => r.opened)).toEqual(['error-rate']);
    expect(texts().filter((t) => t.includes('red_circle: Edgecart: error rate'))).toHaveLength(2);
  });
});
