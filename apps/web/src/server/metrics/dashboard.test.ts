import {
  type BusinessEvent,
  eventDataPoint,
  metricsDashboard,
  readMetricsDashboard,
  requestDataPoint,
} from '@edgecart/core';
import { type AnalyticsEngineStandIn, startAnalyticsEngineStandIn } from '@edgecart/dev-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsQueryConfig } from './analytics-config.ts';
import { createAnalyticsReader } from './analytics-sql-client.ts';
import { httpDataset } from './http-dataset.ts';

let standIn: AnalyticsEngineStandIn;
beforeAll(async () => {
  standIn = await startAnalyticsEngineStandIn();
});
afterAll(async () => {
  await standIn?.close();
});

const configFor = (dataset: string, token?: string) => {
  const config = analyticsQueryConfig({
    ANALYTICS_LOCAL_URL: standIn.url,
    CLOUDFLARE_ACCOUNT_ID: standIn.accountId,
    ANALYTICS_API_TOKEN: token ?? standIn.apiToken,
    ANALYTICS_DATASET: dataset,
  });
  if (!config) throw new Error('no config');
  return config;
};

/** Writes through the same HTTP dataset `npm run dev` uses, and waits for every write. */
async function record(dataset: string, points: ReturnType<typeof requestDataPoint>[]) {
  const writes: Promise<unknown>[] = [];
  const target = httpDataset({ url: standIn.url, dataset, waitUntil: (p) => writes.push(p) });
  for (const point of points) target.writeDataPoint(point);
  await Promise.all(writes);
}

const request = (route: string, group: 'storefront' | 'api', status: number, durationMs: number) =>
  requestDataPoint({
    route,
    group,
    method: 'GET',
    status,
    durationMs,
    pageCache: 'hit',
    colo: 'local',
  });

describe('the metrics dashboard', () => {
  it('charts what was recorded: throughput, percentiles, errors by group, the funnel and the trouble', async () => {
    const dataset = 'dashboard_test';
    await record(dataset, [
      ...Array.from({ length: 30 }, (_, i) =>
        request('/products/[slug]', 'storefront', i < 3 ? 503 : 200, 10 + i),
      ),
      ...Array.from({ length: 10 }, (_, i) => request('/api/trpc/[trpc]', 'api', 200, 100 + i)),
      ...(['cart.created', 'cart.created', 'cart.created', 'cart.created'] as BusinessEvent[]).map(
        (e) => eventDataPoint(e),
      ),
      eventDataPoint('checkout.started'),
      eventDataPoint('checkout.started'),
      eventDataPoint('checkout.paid', { amount: 3000, currency: 'eur' }),
      eventDataPoint('webhook.refused', { reason: 'signature' }),
    ]);

    const now = new Date();
    const reader = createAnalyticsReader(configFor(dataset));
    const dashboard = await readMetricsDashboard(reader, { dataset, range: 'hour', now });
    expect(dashboard.totals).toMatchObject({ requests: 40, errors: 3 });
    expect(dashboard.totals.errorRate).toBeCloseTo(3 / 40);
    expect(dashboard.totals.perMinute).toBeCloseTo(40 / 60);
    expect(dashboard.groups.map((g) => [g.group, g.requests, g.errors])).toEqual([
      ['storefront', 30, 3],
      ['api', 10, 0],
    ]);
    const storefront = dashboard.groups[0];
    expect(storefront?.p50).toBe(24);
    expect(storefront?.p99).toBe(39);
    expect(dashboard.groups[1]?.p95).toBe(109);
    expect(dashboard.series.map((s) => s.group)).toEqual(['storefront', 'api']);
    expect(dashboard.overall.reduce((sum, p) => sum + p.requests, 0)).toBe(40);
    expect(Math.max(...dashboard.overall.map((p) => p.p99))).toBeGreaterThanOrEqual(100);
    const points = dashboard.series[0]?.points ?? [];
    expect(points.reduce((sum, p) => sum + p.requests, 0)).toBe(30);
    for (const point of points) {
      expect(Date.parse(point.at) % 60_000).toBe(0);
      expect(Date.parse(point.at)).toBeLessThanOrEqual(now.getTime());
    }
    expect(dashboard.routes[0]).toMatchObject({ route: '/products/[slug]', requests: 30 });
    expect(dashboard.events).toMatchObject({
      'cart.created': 4,
      'checkout.started': 2,
      'checkout.paid': 1,
      'webhook.refused': 1,
      'email.failed': 0,
    });
    expect(dashboard.paid).toEqual([{ currency: 'EUR', amount: 3000 }]);
  });

  it('says why there is none: not set up, or the API refusing', async () => {
    expect(await metricsDashboard(null, 'day', new Date())).toEqual({ status: 'unconfigured' });
    const refused = await metricsDashboard(
      {
        reader: createAnalyticsReader(configFor('dashboard_test', 'a-wrong-token-of-length')),
        dataset: 'dashboard_test',
      },
      'day',
      new Date(),
    );
    expect(refused).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/^the SQL API answered 403: .*Authentication error/),
    });
    const unknown = await metricsDashboard(
      { reader: createAnalyticsReader(configFor('never_written')), dataset: 'never_written' },
      'week',
      new Date(),
    );
    expect(unknown).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('422'),
    });
  });
});
