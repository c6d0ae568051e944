import { type ConnectionGauge, watchConnections } from '@edgecart/dev-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeStack, startEdgeStack } from '../scripts/edge-stack.ts';

let stack: EdgeStack;
let gauge: ConnectionGauge;

beforeAll(async () => {
  // As in cache.test.ts: a slow local Redis call must not send a cached page to the database.
  stack = await startEdgeStack({ log: () => {}, vars: { CACHE_TIMEOUT_MS: '2000' } });
  gauge = await watchConnections(stack.postgres.connectionString);
});

afterAll(async () => {
  await gauge?.close();
  await stack?.stop();
});

const trpcList = `/api/trpc/catalog.products?input=${encodeURIComponent(
  JSON.stringify({ json: { sort: 'price-asc', limit: 12 } }),
)}`;

/** Asks for a page until the Worker answers it from Redis (60 s at most). */
async function untilCached(path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${stack.url}${path}`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    if (response.headers.get('x-page-cache') === 'hit') return;
    if (Date.now() > deadline) throw new Error(`${path} was never answered from the cache`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function productPath(): Promise<string> {
  const sitemap = await (await fetch(`${stack.url}/sitemap.xml`)).text();
  const path = /<loc>[^<]*?(\/products\/[a-z0-9-]+)<\/loc>/.exec(sitemap)?.[1];
  if (!path) throw new Error('no product in the sitemap');
  return path;
}

describe('the Worker under load', () => {
  it('answers 40 concurrent requests without a 5xx, on a bounded number of connections', async () => {
    const paths = ['/products', await productPath(), trpcList, '/'];
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await gauge.count());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const response = await fetch(`${stack.url}${paths[i % paths.length]}`);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    sampling = false;
    await sampler;
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // The stand-in's HTTP pool holds at most 10, like Neon's pooler in front of the server.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(10);
  });
});

describe('the Worker when PostgreSQL goes away', () => {
  it('answers cached pages from Redis, 503 with a request id for the rest, then 200 once the database is back', async () => {
    // Cached beforehand: answered from Redis while the database is away. On a busy
    // machine a Redis call can outlast its timeout, and the cache is then left alone
    // for a while (read-through.ts): ask until the page is stored, not just once.
    await untilCached('/products');
    // Never asked before, so in no cache: these need the database.
    const unseen = crypto.randomUUID().slice(0, 8);
    const uncachedList = `/api/trpc/catalog.products?input=${encodeURIComponent(
      JSON.stringify({ json: { q: unseen, sort: 'price-asc', limit: 12 } }),
    )}`;
    stack.postgres.pause();
    try {
      const cached = await fetch(`${stack.url}/products`);
      expect(cached.status).toBe(200);
      expect(cached.headers.get('x-page-cache')).toBe('hit');

      const page = await fetch(`${stack.url}/products?q=${unseen}`, {
        headers: { accept: 'text/html' },
      });
      const id = page.headers.get('x-request-id');
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBeTruthy();
      expect(id).toBeTruthy();
      const html = await page.text();
      expect(html).toContain('cannot reach its database');
      expect(html).toContain(String(id));

      const api = await fetch(`${stack.url}${uncachedList}`);
      expect(api.status).toBe(503);
      expect(api.headers.get('x-request-id')).toBeTruthy();
      const body = await api.text();
      expect(body).not.toMatch(/Failed query|select |ECONNREFUSED|postgres:\/\//i);
    } finally {
      stack.postgres.resume();
    }
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await fetch(`${stack.url}/products`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
