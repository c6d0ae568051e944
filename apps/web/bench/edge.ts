/**
 * `npm run bench` (edge part): the production build under load. Starts the
 * built Worker in workerd against PostgreSQL and Redis as `preview:edge` does,
 * then drives each route with autocannon, one after the other in one run, and
 * prints req/s, p50, p99, non-2xx, the peak PostgreSQL connections seen in
 * pg_stat_activity, and each throughput as a ratio to a trivial route of the
 * same Worker (the ceiling). Prints figures; asserts nothing.
 *
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=20 npm run bench -w @edgecart/web
 */
import { spawnSync } from 'node:child_process';
import { createArgon2idHasher } from '@edgecart/auth';
import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { watchConnections } from '@edgecart/dev-services';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEdgeStack, workerIsBuilt } from '../scripts/edge-stack.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

interface Row {
  name: string;
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

console.log('bench: starting PostgreSQL, Redis and the Worker…');
const stack = await startEdgeStack({ log: (m) => console.log(`bench: ${m}`) });
const gauge = await watchConnections(stack.postgres.connectionString);
let interrupted = false;
const stopAll = async () => {
  await gauge.close();
  await stack.stop();
};
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

async function measure(name: string, path: string, cookie?: string): Promise<Row> {
  let peakConnections = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakConnections = Math.max(peakConnections, await gauge.count().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  process.stdout.write(`bench: ${name} (${path}), ${CONNECTIONS} connections for ${SECONDS} s… `);
  const result = await autocannon({
    url: `${stack.url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { accept: 'text/html,application/json', ...(cookie ? { cookie } : {}) },
  });
  sampling = false;
  await sampler;
  const row: Row = {
    name,
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

try {
  if (!interrupted) await passwordCost();
  const trpc = `/api/trpc/catalog.products?input=${encodeURIComponent(
    JSON.stringify({ json: { sort: 'featured', limit: 12 } }),
  )}`;
  const cookie = await signedInCookie();
  const targets: [string, string, string?][] = [
    ['ceiling: liveness', '/api/health'],
    ['listing /products', '/products'],
    ['product page', await productPath()],
    ['tRPC catalog.products', trpc],
    ['/account, signed in', '/account', cookie],
  ];
  // Warm every route once, so that the first measurement pays no cold start.
  for (const [, path, withCookie] of targets) {
    const headers = withCookie ? { cookie: withCookie } : undefined;
    const response = await fetch(`${stack.url}${path}`, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`bench: ${path} answered ${response.status}`);
  }
  const rows: Row[] = [];
  for (const [name, path, withCookie] of targets) {
    if (interrupted) break;
    rows.push(await measure(name, path, withCookie));
  }
  const ceiling = rows[0]?.rps ?? 0;
  console.log(
    `\nWorker in workerd, ${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL max_connections 100`,
  );
  console.log(
    `${'route'.padEnd(24)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}${'peak pg'.padStart(9)}${'× ceiling'.padStart(11)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(24)}${r.rps.toFixed(1).padStart(8)}${String(r.p50).padStart(8)}${String(r.p99).padStart(8)}${String(r.non2xx).padStart(9)}${String(r.errors).padStart(8)}${String(r.peakConnections).padStart(9)}${(ceiling ? r.rps / ceiling : 0).toFixed(2).padStart(11)}`,
    );
  }
} finally {
  await stopAll();
}
