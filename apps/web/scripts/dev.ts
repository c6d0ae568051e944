/**
 * `npm run dev`: next dev on the embedded defaults, with the local payment
 * stand-in beside it when no Stripe key is configured, so that a purchase
 * works with no account: the stand-in's hosted page takes the "payment" and
 * sends signed events to this app's webhook. With STRIPE_SECRET_KEY set, the
 * stand-in does not run and Stripe is used (see the README for `stripe listen`).
 * A timer runs the sweeper and the outbox every minute, as the Worker's cron does.
 * The Analytics Engine stand-in takes the metrics, which /admin/metrics charts;
 * a front door on PORT (dev-front.ts) gives every request an id and its data
 * point before `next dev`, on a port of its own, answers it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { freePort, startAnalyticsEngineStandIn, startStripeStandIn } from '@edgecart/dev-services';
import { DEFAULT_ANALYTICS_DATASET } from '../src/server/metrics/analytics-config.ts';
import { httpDataset } from '../src/server/metrics/http-dataset.ts';
import { INTERNAL_HEADER } from '../src/server/worker-entry/internal-requests.ts';
import { startDevFront } from './dev-front.ts';

const port = Number(process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = { ...process.env, DEV_TOOLS: process.env.DEV_TOOLS ?? '1' };
const analytics = await startAnalyticsEngineStandIn();
env.ANALYTICS_LOCAL_URL = analytics.url;
env.CLOUDFLARE_ACCOUNT_ID = analytics.accountId;
env.ANALYTICS_API_TOKEN = analytics.apiToken;
const dataset = env.ANALYTICS_DATASET || DEFAULT_ANALYTICS_DATASET;
const nextPort = await freePort();
const front = await startDevFront({
  port,
  upstreamPort: nextPort,
  dataset: httpDataset({ url: analytics.url, dataset, waitUntil: () => {} }),
});
console.log(
  `Edgecart on http://localhost:${port} (next dev answers behind it, on port ${nextPort})`,
);
let standIn: Awaited<ReturnType<typeof startStripeStandIn>> | null = null;
if (!process.env.STRIPE_SECRET_KEY) {
  standIn = await startStripeStandIn({
    webhookUrl: `http://localhost:${port}/api/webhooks/stripe`,
  });
  env.STRIPE_SECRET_KEY = standIn.secretKey;
  env.STRIPE_WEBHOOK_SECRET = standIn.webhookSecret;
  env.STRIPE_LOCAL_API = `${standIn.host}:${standIn.port}`;
  console.log(`Payment stand-in on ${standIn.url} (no Stripe key set: nothing is charged)`);
}

// What the Worker's cron does in production, every minute here: the sweeper of
// expired pending orders and the outbox's retries, through the same internal routes.
const cronSecret = randomBytes(32).toString('hex');
env.INTERNAL_CRON_SECRET = cronSecret;
const timer = setInterval(async () => {
  for (const path of ['sweep', 'outbox', 'housekeeping']) {
    try {
      const response = await fetch(`http://localhost:${port}/api/internal/${path}`, {
        method: 'POST',
        headers: { [INTERNAL_HEADER]: cronSecret },
      });
      await response.arrayBuffer();
      if (!response.ok)
        console.error(`dev timer: /api/internal/${path} answered ${response.status}`);
    } catch {
      // The server is still starting or stopping.
    }
  }
}, 60_000);

const next = spawn('next', ['dev', '--port', String(nextPort)], {
  stdio: ['inherit', 'pipe', 'pipe'],
  env,
});
// Next's banner names its own port: shoppers and tests go through the front door.
for (const [from, to] of [
  [next.stdout, process.stdout],
  [next.stderr, process.stderr],
] as const) {
  createInterface({ input: from }).on('line', (line) => {
    to.write(`${line.replaceAll(`:${nextPort}`, `:${port}`)}\n`);
  });
}
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  if (next.exitCode === null) next.kill('SIGTERM');
  await front.close();
  await standIn?.close();
  await analytics.close();
  process.exit(code);
}
next.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
