/**
 * `npm run bench` (edge part): the production build under load. Starts the
 * built Worker in workerd against PostgreSQL and Redis as `preview:edge` does,
 * and a second Worker on the same services with CATALOG_CACHE=off, then
 * drives each route with autocannon, one after the other in one run: cold
 * (the uncached Worker: every read and page from the database) and warm (the
 * cached Worker, its cache filled). Prints req/s, p50, p99, non-2xx, the peak
 * PostgreSQL connections seen in pg_stat_activity, and each throughput and p99
 * as a ratio to two ceilings (ceilings.ts, measured first and last): a trivial
 * Worker under wrangler (no inspector), as the app is served here, and the
 * same under workerd alone; a warm page also as a ratio to a Worker that
 * answers its bytes and nothing else, served as the app is. The built app
 * also runs under workerd alone, to show what wrangler's development proxy
 * costs it. Then the first-load JavaScript of the storefront's pages
 * (targets: /products and /cart ≤ 150 KiB). Prints
 * figures; fails only when something answers an error, never because the
 * machine is slow.
 *
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=20 npm run bench -w @edgecart/web
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createArgon2idHasher } from '@edgecart/auth';
import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { readMetricsDashboard } from '@edgecart/core';
import { watchConnections } from '@edgecart/dev-services';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEdgeStack, workerIsBuilt } from '../scripts/edge-stack.ts';
import { analyticsQueryConfig } from '../src/server/metrics/analytics-config.ts';
import { createAnalyticsReader } from '../src/server/metrics/analytics-sql-client.ts';
import {
  appUnderWorkerd,
  pageUnderWrangler,
  type Served,
  trivialUnderWorkerd,
  trivialUnderWrangler,
} from './ceilings.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SETTLE_MS = 5_000;
const WARMUP_SECONDS = 3;

interface Row {
  name: string;
  mode: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  peakConnections: number;
}

if (!workerIsBuilt()) {
  console.log('bench: no Worker built yet, building it (npm run build:edge)…');
  const build = spawnSync('npm', ['run', 'build:edge'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log('bench: starting PostgreSQL, Redis and the Workers (cached and uncached)…');
const ADMIN = { email: 'bench-admin@example.com', password: 'bench admin lantern orbit' };
const stack = await startEdgeStack({ log: (m) => console.log(`bench: ${m}`), admin: ADMIN });
const uncached = await stack.startWorker({ CATALOG_CACHE: 'off' }).catch(async (error) => {
  await stack.stop();
  throw error;
});
const gauge = await watchConnections(stack.postgres.connectionString);
// The ceilings (ceilings.ts): a trivial Worker served as the app is (scripts/local-worker.ts),
// the same under workerd alone, and the built app under workerd alone, on the same services.
const ceilings: Served[] = [];
let interrupted = false;
const stopAll = async () => {
  for (const served of ceilings.splice(0)) await served.stop();
  await gauge.close();
  await stack.stop();
};
/** The warm /products exactly as the app answers it, for the page's-bytes ceiling. */
async function warmListing(): Promise<{ body: string; headers: Record<string, string> }> {
  let response = await fetch(`${stack.url}/products`);
  for (let i = 0; i < 3 && response.headers.get('x-page-cache') !== 'hit'; i++) {
    await response.arrayBuffer();
    response = await fetch(`${stack.url}/products`);
  }
  const perResponse = new Set(['date', 'content-length', 'x-request-id', 'x-page-cache']);
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !perResponse.has(name)),
  );
  return { body: await response.text(), headers };
}

const [harness, bare, direct, pageBytes] = await (async () => {
  try {
    for (const starting of [
      trivialUnderWrangler,
      trivialUnderWorkerd,
      () => appUnderWorkerd(stack.vars),
      async () => pageUnderWrangler(await warmListing()),
    ]) {
      ceilings.push(await starting());
    }
    return ceilings as [Served, Served, Served, Served];
  } catch (error) {
    await stopAll();
    throw error;
  }
})();
// Ctrl-C or a kill stops the run and everything it started, at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.log(`\nbench: ${signal}, stopping PostgreSQL, Redis and the Worker…`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function productPath(): Promise<string> {
  const sitemap = await (await fetch(`${stack.url}/sitemap.xml`)).text();
  return /<loc>[^<]*?(\/products\/[a-z0-9-]+)<\/loc>/.exec(sitemap)?.[1] ?? '/products';
}

/**
 * Each request from one of a thousand client addresses, as real traffic is:
 * the per-IP ceiling on API calls (600 a minute) is for one client, not for
 * a benchmark's whole load. workerd takes CF-Connecting-IP as the client sends it.
 */
const clientAddress = () => `198.18.${(Math.random() * 4) | 0}.${(Math.random() * 250) | 0}`;

/** The benchmark's load on one route: every request from one of many client addresses. */
function load(base: string, path: string, seconds: number, cookie?: string) {
  return autocannon({
    url: `${base}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { accept: 'text/html,application/json', ...(cookie ? { cookie } : {}) },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'cf-connecting-ip': clientAddress() },
        }),
      },
    ],
  });
}

async function measure(
  name: string,
  mode: Row['mode'],
  base: string,
  path: string,
  cookie?: string,
): Promise<Row> {
  let peakConnections = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakConnections = Math.max(peakConnections, await gauge.count().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  process.stdout.write(
    `bench: ${name}${mode ? ` ${mode}` : ''} (${path}), ${CONNECTIONS} connections for ${SECONDS} s… `,
  );
  const result = await load(base, path, SECONDS, cookie);
  sampling = false;
  await sampler;
  const row: Row = {
    name,
    mode,
    path,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakConnections,
  };
  console.log(`${row.rps.toFixed(1)} req/s`);
  return row;
}

/** A signed-in shopper's cookie: signs up through the API, follows the link in the outbox. */
async function signedInCookie(): Promise<string> {
  const email = `bench-shopper-${Date.now()}@example.com`;
  const post = (path: string, json: unknown) =>
    fetch(`${stack.url}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.url },
      body: JSON.stringify({ json }),
    });
  await (await post('account.signUp', { email, password: 'lantern quietly orbit' })).arrayBuffer();
  const db = new pg.Client({ connectionString: stack.postgres.connectionString });
  await db.connect();
  const { rows } = await db
    .query<{ body: string }>('select body from outbox where "to" = $1', [email])
    .finally(() => db.end());
  const token = decodeURIComponent(/token=(\S+)/.exec(rows[0]?.body ?? '')?.[1] ?? '');
  const confirmed = await post('account.confirmSignUp', { token });
  await confirmed.arrayBuffer();
  const cookie = confirmed.headers.get('set-cookie')?.split(';')[0];
  if (!confirmed.ok || !cookie) throw new Error(`bench: sign-up failed (${confirmed.status})`);
  return cookie;
}

/** The admin's cookie (made by admin:create as the stack started), from a log-in through the API. */
async function adminCookie(): Promise<string> {
  const response = await fetch(`${stack.url}/api/trpc/account.logIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.url },
    body: JSON.stringify({ json: ADMIN }),
  });
  await response.arrayBuffer();
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`bench: admin log-in failed (${response.status})`);
  return cookie;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/**
 * One argon2id hash (m=19 MiB, t=2, p=1): in Node directly, and in workerd as
 * the difference between a log-in to an unknown address (one dummy
 * verification and one query) and a one-query tRPC call.
 */
async function passwordCost(): Promise<void> {
  const hasher = createArgon2idHasher(await loadArgon2());
  await hasher.hash('warm up');
  const node: number[] = [];
  for (let i = 0; i < 8; i++) {
    const started = performance.now();
    await hasher.hash(`correct horse battery ${i}`);
    node.push(performance.now() - started);
  }
  const timed = async (path: string, init?: RequestInit) => {
    const started = performance.now();
    await (await fetch(`${stack.url}${path}`, init)).arrayBuffer();
    return performance.now() - started;
  };
  const oneQuery = `/api/trpc/catalog.collections?input=${encodeURIComponent('{"json":null}')}`;
  const logIn = (i: number) =>
    timed('/api/trpc/account.logIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { email: `bench-${i}@example.com`, password: 'not a password' },
      }),
    });
  await logIn(-1);
  const worker: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 8; i++) {
    worker.push(await logIn(i));
    baseline.push(await timed(oneQuery));
  }
  console.log(
    `argon2id m=19456 t=2 p=1, median of 8: Node ${median(node).toFixed(1)} ms per hash; ` +
      `workerd log-in to an unknown address ${median(worker).toFixed(1)} ms, a one-query call ` +
      `${median(baseline).toFixed(1)} ms, so about ${(median(worker) - median(baseline)).toFixed(1)} ms per verification`,
  );
}

/** First-load JavaScript per page, gzip, from the build's diagnostics (Next no longer prints it). */
function firstLoadJs(): { route: string; gzipKiB: number }[] {
  const stats = JSON.parse(
    readFileSync(new URL('../.next/diagnostics/route-bundle-stats.json', import.meta.url), 'utf8'),
  ) as { route: string; firstLoadChunkPaths: string[] }[];
  return ['/', '/products', '/products/[slug]', '/cart'].flatMap((route) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) return [];
    const bytes = entry.firstLoadChunkPaths.reduce(
      (sum, path) =>
        sum + gzipSync(readFileSync(new URL(`../${path}`, import.meta.url)), { level: 9 }).length,
      0,
    );
    return [{ route, gzipKiB: bytes / 1024 }];
  });
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

try {
  if (!interrupted) await passwordCost();
  const trpc = `/api/trpc/catalog.products?input=${encodeURIComponent(
    JSON.stringify({ json: { sort: 'featured', limit: 12 } }),
  )}`;
  const cookie = await signedInCookie();
  const admin = await adminCookie();
  const adminRoutes: [string, string][] = [
    ['/admin/orders, admin', '/admin/orders'],
    ['/admin/shipping, admin', '/admin/shipping'],
  ];
  const product = await productPath();
  const catalogRoutes: [string, string][] = [
    ['listing /products', '/products'],
    ['product page', product],
    ['tRPC catalog.products', trpc],
  ];
  // Every route answered once on both Workers (no cold start measured, the warm cache filled).
  for (const base of [stack.url, uncached.url, direct.url]) {
    for (const [, path] of [...catalogRoutes, ['liveness', '/api/health']]) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`bench: ${path} answered ${response.status}`);
    }
  }
  const signedIn: [string, string][] = [
    ['/account', cookie],
    ...adminRoutes.map(([, p]) => [p, admin] as [string, string]),
  ];
  for (const [path, who] of signedIn) {
    const page = await fetch(`${stack.url}${path}`, {
      headers: { cookie: who },
      redirect: 'manual',
    });
    await page.arrayBuffer();
    if (page.status !== 200) throw new Error(`bench: ${path} answered ${page.status}`);
  }

  const rows: Row[] = [];
  const run = async (...args: Parameters<typeof measure>) => {
    if (interrupted) return;
    // Requests still queued from the run before finish first: each run starts on an idle machine.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    // Then a few unmeasured seconds of the same load, so that the figures are the steady
    // state (compiled code, filled connection pools), not the first second's stalls.
    const [, , base, path, cookie] = args;
    await load(base, path, WARMUP_SECONDS, cookie);
    rows.push(await measure(...args));
  };
  const ceilingRuns = async () => {
    await run('ceiling: trivial Worker', 'wrangler', harness.url, '/');
    await run('ceiling: trivial Worker', 'workerd', bare.url, '/');
    await run("ceiling: a page's bytes", 'wrangler', pageBytes.url, '/products');
  };
  await ceilingRuns();
  await run('liveness /api/health', '', stack.url, '/api/health');
  for (const [name, path] of catalogRoutes) {
    await run(name, 'warm', stack.url, path);
    await run(name, 'cold', uncached.url, path);
  }
  await run('/account, signed in', '', stack.url, '/account', cookie);
  for (const [name, path] of adminRoutes) await run(name, '', stack.url, path, admin);
  // The built app again, served by workerd alone: what wrangler's proxy costs it.
  await run('liveness /api/health', 'workerd', direct.url, '/api/health');
  await run('listing /products', 'warm workerd', direct.url, '/products');
  await ceilingRuns();

  const meanOf = (name: string, mode: string) => {
    const runs = rows.filter((r) => r.name === name && r.mode === mode);
    return {
      rps: runs.reduce((sum, r) => sum + r.rps, 0) / (runs.length || 1),
      p99: runs.reduce((sum, r) => sum + r.p99, 0) / (runs.length || 1),
    };
  };
  const harnessCeiling = meanOf('ceiling: trivial Worker', 'wrangler');
  const workerdCeiling = meanOf('ceiling: trivial Worker', 'workerd');
  console.log(
    `\nWorkers in workerd, ${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL max_connections 100.` +
      `\nCeilings, the mean of two runs each (first and last): a trivial Worker under wrangler ` +
      `(as preview:edge serves the app) ${harnessCeiling.rps.toFixed(1)} req/s, p99 ${harnessCeiling.p99.toFixed(0)} ms; ` +
      `under workerd alone ${workerdCeiling.rps.toFixed(1)} req/s, p99 ${workerdCeiling.p99.toFixed(0)} ms.` +
      `\n× wrangler / × workerd: each figure as a ratio to that ceiling's.`,
  );
  console.log(
    `${'route'.padEnd(24)}${'mode'.padEnd(14)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('non-2xx', 9)}${pad('errors', 8)}${pad('peak pg', 9)}${pad('req/s × wrangler', 18)}${pad('p99 × wrangler', 16)}${pad('req/s × workerd', 17)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(24)}${r.mode.padEnd(14)}${pad(r.rps.toFixed(1), 8)}${pad(r.p50, 8)}${pad(r.p99, 8)}${pad(r.non2xx, 9)}${pad(r.errors, 8)}${pad(r.peakConnections, 9)}${pad((r.rps / harnessCeiling.rps).toFixed(2), 18)}${pad((r.p99 / harnessCeiling.p99).toFixed(2), 16)}${pad((r.rps / workerdCeiling.rps).toFixed(3), 17)}`,
    );
  }
  const warmList = meanOf('listing /products', 'warm');
  const pageCeiling = meanOf("ceiling: a page's bytes", 'wrangler');
  const liveness = meanOf('liveness /api/health', '');
  const coldList = meanOf('listing /products', 'cold');
  const coldProduct = meanOf('product page', 'cold');
  console.log(
    `\nwarm /products: ${(warmList.rps / harnessCeiling.rps).toFixed(2)}× the harness ceiling's throughput (target ≥ 0.5), ` +
      `p99 ${(warmList.p99 / harnessCeiling.p99).toFixed(2)}× its p99 (target ≤ 1.5); ` +
      `${(warmList.rps / pageCeiling.rps).toFixed(2)}× and p99 ${(warmList.p99 / pageCeiling.p99).toFixed(2)}× ` +
      `a Worker answering the same bytes (${pageCeiling.rps.toFixed(1)} req/s, p99 ${pageCeiling.p99.toFixed(0)} ms)` +
      `\ncold /products and product page: ${(coldList.rps / liveness.rps).toFixed(2)}× and ${(coldProduct.rps / liveness.rps).toFixed(2)}× ` +
      `the Next route /api/health (target ≥ 0.5)`,
  );
  console.log(
    '\nfirst-load JavaScript, gzip (targets: /products and /cart ≤ 150 KiB, the product page ≤ 136.5):',
  );
  for (const { route, gzipKiB } of firstLoadJs()) {
    console.log(`  ${route.padEnd(18)}${pad(gzipKiB.toFixed(1), 7)} KiB`);
  }
  // What the Workers recorded meanwhile, as /admin/metrics charts it (its local stand-in).
  const metrics = analyticsQueryConfig({
    ANALYTICS_LOCAL_URL: stack.analytics.url,
    CLOUDFLARE_ACCOUNT_ID: stack.analytics.accountId,
    ANALYTICS_API_TOKEN: stack.analytics.apiToken,
  });
  if (metrics) {
    await new Promise((r) => setTimeout(r, 1_000)); // the last points land after their responses
    const dashboard = await readMetricsDashboard(createAnalyticsReader(metrics), {
      dataset: metrics.dataset,
      range: 'hour',
      now: new Date(),
    });
    const t = dashboard.totals;
    console.log(
      `
/admin/metrics for this run (the last hour, from the Workers' data points): ${t.requests} requests, ` +
        `${(t.errorRate * 100).toFixed(2)}% 5xx, p50 ${t.p50} ms, p95 ${t.p95} ms, p99 ${t.p99} ms`,
    );
    console.log(
      `${'group'.padEnd(12)}${pad('requests', 10)}${pad('5xx', 7)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}`,
    );
    for (const g of dashboard.groups) {
      console.log(
        `${g.group.padEnd(12)}${pad(g.requests, 10)}${pad(g.errors, 7)}${pad(g.p50, 7)}${pad(g.p95, 7)}${pad(g.p99, 7)}`,
      );
    }
  }
  const failed = rows.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) {
    console.error(`\nbench: errors under load on ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await stopAll();
}
