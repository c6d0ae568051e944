/**
 * `npm run preview:edge`: serves the built Worker in workerd on
 * http://127.0.0.1:8787 with what it needs around it — a real PostgreSQL, the
 * WebSocket proxy the Neon driver reaches it through, migrations and the seed,
 * and a real Redis behind the Upstash REST bridge —
 * until stopped (Ctrl-C). Build first with `npm run build:edge`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from '@edgecart/db';
import { createNeonNodeDb } from '@edgecart/db/neon-node';
import { seedCatalog } from '@edgecart/db/seed';
import {
  startPostgres,
  startRedis,
  startUpstashBridge,
  startWsProxy,
} from '@edgecart/dev-services';

const app = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8787';
if (!existsSync(`${app}.open-next/worker.js`)) {
  console.error('No Worker built yet: run `npm run build:edge` first.');
  process.exit(1);
}

const postgres = await startPostgres();
const proxy = await startWsProxy();
// The cache the way the Worker reaches Upstash: REST, via the bridge, to a real Redis.
const redis = await startRedis();
const upstash = await startUpstashBridge({ redisUrl: redis.url });
const seeding = createNeonNodeDb({
  connectionString: postgres.connectionString,
  localProxy: proxy.address,
});
try {
  await migrate(seeding.db);
  const seeded = await seedCatalog(seeding.db);
  console.log(`PostgreSQL on 127.0.0.1:${postgres.port}: seeded ${seeded.products} products`);
} finally {
  await seeding.close();
}

// The Worker reaches PostgreSQL the way it reaches Neon: WebSockets, via the proxy.
const worker = spawn(
  'node',
  [
    '../../scripts/with-node22.mjs',
    'opennextjs-cloudflare',
    'preview',
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--var',
    `DATABASE_URL:${postgres.connectionString}`,
    '--var',
    `NEON_LOCAL_PROXY:${proxy.address}`,
    '--var',
    `UPSTASH_REDIS_REST_URL:${upstash.url}`,
    '--var',
    `UPSTASH_REDIS_REST_TOKEN:${upstash.token}`,
  ],
  // Its own process group, so that stopping it stops wrangler and workerd too.
  { cwd: app, stdio: 'inherit', detached: true },
);

const workerExited = new Promise<void>((resolve) => worker.on('exit', () => resolve()));
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // The Worker first, so that it never sees its database go away under it.
  if (worker.pid && worker.exitCode === null) {
    try {
      process.kill(-worker.pid, 'SIGTERM');
    } catch {}
    await Promise.race([workerExited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await proxy.close();
  await upstash.close();
  await redis.stop();
  postgres.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
worker.on('exit', (code) => void stop(code ?? 0));
console.log(`Worker starting on http://127.0.0.1:${port} (Ctrl-C to stop)`);
