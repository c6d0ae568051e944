import { readFileSync } from 'node:fs';
import { chromiumPath } from '@edgecart/dev-services/chromium';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startEdgeStackForFile } from './support/edge.ts';

const edge = startEdgeStackForFile();

type SentryEvent = Record<string, unknown> & {
  tags?: Record<string, string>;
  exception?: { values?: { type?: string; value?: string }[] };
};

/** The build id the Worker was built with: its release in every report. */
const buildId = /"([^"]+)"/.exec(
  readFileSync(new URL('../.open-next/build-id.mjs', import.meta.url), 'utf8'),
)?.[1];

/** Waits (30 s at most) for the stand-in to receive an event that `matches`. */
async function reportWhere(matches: (event: SentryEvent) => boolean): Promise<SentryEvent> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = (edge.stack.sentry.events() as SentryEvent[]).find(matches);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `no such report; received: ${JSON.stringify(edge.stack.sentry.events().map((e) => e.tags))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a report must never carry: the visitor's cookie, their email, a query string. */
function expectNothingPersonal(event: SentryEvent) {
  const raw = JSON.stringify(event);
  expect(raw).not.toContain('s3cret-session-token');
  expect(raw).not.toContain('ann@example.com');
  expect(raw).not.toContain('utm_source');
  expect(event.user).toBeUndefined();
  // Nor the address the report came from (Sentry infers it unless told not to).
  expect((event.sdk as { settings?: unknown } | undefined)?.settings).toEqual({
    infer_ip: 'never',
  });
}

describe('error reports from the Worker', () => {
  it('reports a page and an API call that failed, with request id, route and release, and nothing personal', async () => {
    const { rows } = await edge.db.query<{ slug: string }>(
      `select slug from products where status = 'active' order by slug desc limit 1`,
    );
    const slug = rows[0]?.slug;
    expect(slug).toBeTruthy();
    const visitor = {
      cookie: 'edgecart_session=s3cret-session-token',
      'user-agent': 'error-report-test',
    };
    // A query of the app's that fails (not an outage): the render and the API answer 500.
    await edge.db.query('alter table products rename to products_elsewhere');
    let page: Response;
    let api: Response;
    try {
      page = await fetch(`${edge.stack.url}/products/${slug}?utm_source=ann@example.com`, {
        headers: visitor,
      });
      await page.arrayBuffer();
      api = await fetch(
        `${edge.stack.url}/api/trpc/catalog.product?input=${encodeURIComponent(
          JSON.stringify({ json: { slug } }),
        )}`,
        { headers: visitor },
      );
      await api.arrayBuffer();
    } finally {
      await edge.db.query('alter table products_elsewhere rename to products');
    }
    expect(page.status).toBe(500);
    expect(api.status).toBe(500);

    const pageId = page.headers.get('x-request-id');
    const pageReport = await reportWhere((e) => e.tags?.request_id === pageId);
    expect(pageReport.tags).toMatchObject({
      route: '/products/[slug]',
      method: 'GET',
      status: '500',
    });
    expect(pageReport.release).toBe(buildId);
    expect(pageReport.environment).toBe('development');
    // The exception itself, from Next's onRequestError, not a bare message.
    expect(pageReport.exception?.values?.at(-1)?.value).toMatch(/products/);
    expectNothingPersonal(pageReport);

    const apiId = api.headers.get('x-request-id');
    const apiReport = await reportWhere((e) => e.tags?.request_id === apiId);
    expect(apiReport.tags).toMatchObject({ route: '/api/trpc/[trpc]', status: '500' });
    expect(apiReport.exception?.values?.length).toBeGreaterThan(0);
    expectNothingPersonal(apiReport);
    // SQL parameters never leave: the driver's message is kept, its parameters are not.
    expect(JSON.stringify(apiReport)).not.toContain(`"${slug}"`);
  });

  it('reports an error thrown in a shopper’s browser, through the shop’s own /api/errors', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      const sentTo: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') sentTo.push(new URL(request.url()).pathname);
      });
      await page.goto(`${edge.stack.url}/?utm_source=newsletter`);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => {
        setTimeout(() => {
          throw new Error('The size chart broke for ann@example.com');
        }, 0);
      });
      const report = await reportWhere((e) => e.tags?.origin === 'browser');
      expect(report.exception?.values?.[0]).toMatchObject({
        type: 'Error',
        value: 'The size chart broke for [email]',
      });
      // The Worker set these, not the browser.
      expect(report.release).toBe(buildId);
      expect(report.environment).toBe('development');
      expect((report.request as { url?: string } | undefined)?.url).toBe(`${edge.stack.url}/`);
      expectNothingPersonal(report);
      // Only to the shop itself: no other address is in the page's connect-src.
      expect(sentTo).toContain('/api/errors');
    } finally {
      await browser.close();
    }
  });

  it('refuses what is not an error report, too much of it, or another site’s', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${edge.stack.url}/api/errors`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
        body,
      });
    const before = edge.stack.sentry.events().length;
    const notJson = await post('hello\nworld');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ requestId: expect.any(String) });
    expect((await post('x'.repeat(65 * 1024))).status).toBe(413);
    expect(
      (await post('{}\n{"type":"event"}\n{}', { origin: 'https://elsewhere.example' })).status,
    ).toBe(403);

    const envelope = (n: number) =>
      `{"event_id":"${String(n).padStart(32, '0')}"}\n{"type":"event"}\n` +
      JSON.stringify({ message: `script report ${n}`, level: 'error', release: 'forged' });
    const statuses: number[] = [];
    for (let n = 0; n < 31; n += 1) {
      const response = await post(envelope(n));
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    // 30 per address in 10 minutes (the browser test above sent one): the rest are refused.
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(29);
    expect(statuses.at(-1)).toBe(429);
    const forwarded = await reportWhere((e) => e.message === 'script report 0');
    expect(forwarded.release).toBe(buildId);
    expect(edge.stack.sentry.events().length - before).toBeLessThanOrEqual(29);
  });
});
