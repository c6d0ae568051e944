import { readMetricsDashboard } from '@edgecart/core';
import { STAND_IN_TEST_SHIPPING } from '@edgecart/dev-services';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { analyticsQueryConfig } from '../src/server/metrics/analytics-config.ts';
import { createAnalyticsReader } from '../src/server/metrics/analytics-sql-client.ts';
import { startEdgeStackForFile } from './support/edge.ts';

const edge = startEdgeStackForFile();

/** A guest with a cookie jar, talking tRPC to the Worker. */
function guest() {
  let cookie = '';
  return async (path: string, input: unknown) => {
    const response = await fetch(`${edge.stack.url}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: edge.stack.url, cookie },
      body: JSON.stringify({ json: input }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return {
      status: response.status,
      body: (await response.json()) as { result?: { data?: { json?: unknown } } },
    };
  };
}

async function inStockVariant(): Promise<string> {
  const { rows } = await edge.db.query<{ id: string }>(
    `select v.id from product_variants v join products p on p.id = v.product_id
     where p.status = 'active' and v.stock >= 5 order by v.sku limit 1`,
  );
  if (!rows[0]) throw new Error('no variant in stock');
  return rows[0].id;
}

/** A pending order with its payment page, placed through the Worker. */
async function checkout(): Promise<{ sessionId: string; orderNumber: number }> {
  const call = guest();
  expect((await call('cart.add', { variantId: await inStockVariant(), quantity: 1 })).status).toBe(
    200,
  );
  const started = await call('checkout.start', { shipTo: 'US' });
  expect(started.status).toBe(200);
  const placed = started.body.result?.data?.json as
    | { url: string; orderNumber: number }
    | undefined;
  if (!placed) throw new Error('checkout.start answered no page');
  const { url, orderNumber } = placed;
  const sessionId = /\/pay\/(cs_test_[a-f0-9]+)$/.exec(url)?.[1];
  if (!sessionId) throw new Error(`no session in ${url}`);
  return { sessionId, orderNumber };
}

const orderOf = async (number: number) =>
  (
    await edge.db.query<{ status: string; amount_paid: number }>(
      'select status, amount_paid from orders where number = $1',
      [number],
    )
  ).rows[0];
const count = async (sql: string, params: unknown[]) =>
  Number((await edge.db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

describe('the Stripe webhook in the Worker', () => {
  it('refuses a forged signature with 400 and writes nothing', async () => {
    const before = await count('select count(*) n from payment_events', []);
    const response = await fetch(`${edge.stack.url}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({
        id: 'evt_forged',
        type: 'checkout.session.completed',
        data: { object: {} },
      }),
    });
    expect(response.status).toBe(400);
    expect(await count('select count(*) n from payment_events', [])).toBe(before);
  });

  it('applies a payment once however often it is delivered', async () => {
    const { sessionId, orderNumber } = await checkout();
    edge.stack.stripe.pay(sessionId, {
      email: 'worker-buyer@example.com',
      shipping: STAND_IN_TEST_SHIPPING,
    });
    await edge.stack.stripe.idle();
    expect(await orderOf(orderNumber)).toMatchObject({ status: 'paid' });
    const event = edge.stack.stripe.events.find(
      (e) => (e.data.object as { id?: string }).id === sessionId,
    );
    for (let i = 0; i < 2; i++)
      expect(await edge.stack.stripe.redeliver(event?.id ?? '')).toBe(200);
    expect(await count('select count(*) n from payment_events where id = $1', [event?.id])).toBe(1);
    expect(
      await count(`select count(*) n from outbox where kind = 'order-confirmation' and "to" = $1`, [
        'worker-buyer@example.com',
      ]),
    ).toBe(1);
  });

  it('answers 5xx while PostgreSQL is down, and applies the retried event once it is back', async () => {
    const { sessionId, orderNumber } = await checkout();
    // The test server runs with synchronous_commit off: flush before the crash.
    await edge.db.query('checkpoint');
    await edge.db.end();
    edge.stack.postgres.pause();
    try {
      edge.stack.stripe.pay(sessionId, {
        email: 'outage-buyer@example.com',
        shipping: STAND_IN_TEST_SHIPPING,
      });
      const deadline = Date.now() + 20_000;
      const event = () =>
        edge.stack.stripe.events.find((e) => (e.data.object as { id?: string }).id === sessionId);
      while (
        !edge.stack.stripe.deliveries.some((d) => d.eventId === event()?.id) &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const first = edge.stack.stripe.deliveries.find((d) => d.eventId === event()?.id);
      expect(first?.status).toBeGreaterThanOrEqual(500);
    } finally {
      edge.stack.postgres.resume();
    }
    await edge.stack.stripe.idle();
    edge.db = new pg.Client({ connectionString: edge.stack.postgres.connectionString });
    edge.db.on('error', () => {});
    await edge.db.connect();
    expect(await orderOf(orderNumber)).toMatchObject({ status: 'paid' });
    expect(
      await count(`select count(*) n from outbox where kind = 'order-confirmation' and "to" = $1`, [
        'outage-buyer@example.com',
      ]),
    ).toBe(1);
  });
});

describe('the metrics the Worker records', () => {
  it('a data point per request by route pattern, and the money path’s events', async () => {
    const config = analyticsQueryConfig({
      ANALYTICS_LOCAL_URL: edge.stack.analytics.url,
      CLOUDFLARE_ACCOUNT_ID: edge.stack.analytics.accountId,
      ANALYTICS_API_TOKEN: edge.stack.analytics.apiToken,
    });
    if (!config) throw new Error('no analytics config');
    const reader = createAnalyticsReader(config);
    const events = async () =>
      Object.fromEntries(
        (
          await reader.query(
            `SELECT blob2 AS event, sum(_sample_interval) AS n FROM ${config.dataset} WHERE blob1 = 'event' GROUP BY event FORMAT JSON`,
          )
        ).map((row) => [String(row.event), Number(row.n)]),
      );
    // Points are written after each response (waitUntil): wait for the last ones to land.
    const deadline = Date.now() + 30_000;
    let seen = await events();
    while ((seen['checkout.paid'] ?? 0) < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await events();
    }
    expect(seen).toMatchObject({ 'webhook.refused': 1, 'checkout.paid': 2 });
    expect(seen['checkout.started']).toBeGreaterThanOrEqual(2);
    expect(seen['cart.created']).toBeGreaterThanOrEqual(2);

    const webhook = await reader.query(
      `SELECT double1 AS status, sum(_sample_interval) AS n FROM ${config.dataset} WHERE blob1 = 'request' AND blob2 = '/api/webhooks/stripe' AND blob3 = 'webhooks' GROUP BY status ORDER BY status FORMAT JSON`,
    );
    const statuses = webhook.map((row) => Number(row.status));
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
    // Route patterns only: no order id, session id or token ever reaches the metrics.
    const raw = await reader.query(
      `SELECT count() AS n FROM ${config.dataset} WHERE blob1 = 'request' AND (blob2 LIKE '%cs_test%' OR blob2 LIKE '%-%-%-%-%') FORMAT JSON`,
    );
    expect(Number(raw[0]?.n)).toBe(0);
    const dashboard = await readMetricsDashboard(reader, {
      dataset: config.dataset,
      range: 'hour',
      now: new Date(),
    });
    expect(dashboard.groups.map((g) => g.group)).toEqual(
      expect.arrayContaining(['api', 'webhooks']),
    );
    expect(dashboard.events['checkout.paid']).toBe(2);
  });
});
