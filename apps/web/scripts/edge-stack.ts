/**
 * The production build as it runs here: the built Worker in workerd, a real
 * PostgreSQL behind the Neon stand-in (the driver's WebSocket and HTTP paths),
 * a real Redis behind the Upstash REST bridge, the Analytics Engine stand-in
 * for its metrics. Shared by `preview:edge`, the
 * benchmark and the Worker tests. Build first with `npm run build:edge`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '@edgecart/db';
import { createNeonNodeDb } from '@edgecart/db/neon-node';
import { seedCatalog } from '@edgecart/db/seed';
import {
  type AnalyticsEngineStandIn,
  freePort,
  type LocalPostgres,
  type LocalRedis,
  processGroupStopper,
  type ResendStandIn,
  type SentryStandIn,
  type StripeStandIn,
  startAnalyticsEngineStandIn,
  startNeonStandIn,
  startPostgres,
  startRedis,
  startResendStandIn,
  startSentryStandIn,
  startStripeStandIn,
  startUpstashBridge,
} from '@edgecart/dev-services';
import { spawnLocalWorker } from './local-worker.ts';

export interface EdgeStack {
  url: string;
  postgres: LocalPostgres;
  /** The Redis behind the Upstash bridge: stop it to see the shop without its cache. */
  redis: LocalRedis;
  /** The email provider's stand-in, when the stack was started with `email: 'provider'`. */
  resend: ResendStandIn | null;
  /** The payment stand-in the Worker's Stripe SDK talks to, and that sends it signed events. */
  stripe: StripeStandIn;
  /** The Analytics Engine stand-in the Worker's metrics go to, and /admin/metrics reads. */
  analytics: AnalyticsEngineStandIn;
  /** The Sentry stand-in the Worker's error reports go to (SENTRY_DSN). */
  sentry: SentryStandIn;
  /** The variables the Worker runs with (its services' addresses and keys). */
  vars: Record<string, string>;
  /** Runs the Worker's scheduled handler once, as its cron trigger would. */
  runScheduled: () => Promise<void>;
  /** Another Worker on the same services, with more variables (`CATALOG_CACHE: 'off'`). */
  startWorker: (vars: Record<string, string>) => Promise<{ url: string }>;
  stop: () => Promise<void>;
}

export interface EdgeStackOptions {
  port?: number;
  /** Show wrangler's and workerd's output (preview) or keep it quiet (bench, tests). */
  output?: 'inherit' | 'ignore';
  log?: (message: string) => void;
  /**
   * Where email goes: the outbox, read at /dev/outbox (the default, what the
   * e2e suite reads), or delivered through the Resend SDK to a local stand-in.
   */
  email?: 'outbox' | 'provider';
  /** Told of each error report the Worker sends (preview:edge prints it). */
  onErrorReport?: (event: Record<string, unknown>) => void;
  /** An admin to create with `npm run admin:create` before the Worker starts. */
  admin?: { email: string; password: string } | undefined;
  /** More variables for the Worker (`CACHE_TIMEOUT_MS` in the Worker tests). */
  vars?: Record<string, string>;
}

const app = fileURLToPath(new URL('..', import.meta.url));

export function workerIsBuilt(): boolean {
  return existsSync(`${app}.open-next/worker.js`);
}

async function waitForHealth(url: string, worker: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) throw new Error(`the Worker exited (${worker.exitCode})`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Worker did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** Starts everything; on any failure, stops what it started before throwing. */
export async function startEdgeStack(options: EdgeStackOptions = {}): Promise<EdgeStack> {
  if (!workerIsBuilt()) throw new Error('No Worker built yet: run `npm run build:edge` first.');
  const log = options.log ?? ((message: string) => console.log(message));
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  };
  try {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const standIn = await startNeonStandIn({
      postgres: { host: '127.0.0.1', port: postgres.port },
    });
    cleanups.push(() => standIn.close());
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const upstash = await startUpstashBridge({ redisUrl: redis.url });
    cleanups.push(() => upstash.close());
    const analytics = await startAnalyticsEngineStandIn();
    cleanups.push(() => analytics.close());
    const sentry = await startSentryStandIn({ onEvent: options.onErrorReport });
    cleanups.push(() => sentry.close());
    const resend = options.email === 'provider' ? await startResendStandIn() : null;
    if (resend) cleanups.push(() => resend.close());
    const emailVars: [string, string][] = resend
      ? [
          ['RESEND_API_KEY', resend.apiKey],
          ['EMAIL_FROM', 'Edgecart <shop@edgecart.localhost>'],
          ['RESEND_BASE_URL', resend.url],
        ]
      : [];

    const seeding = createNeonNodeDb({
      connectionString: postgres.connectionString,
      localProxy: standIn.address,
    });
    try {
      await migrate(seeding.db);
      const seeded = await seedCatalog(seeding.db);
      log(`PostgreSQL on 127.0.0.1:${postgres.port}: seeded ${seeded.products} products`);
    } finally {
      await seeding.close();
    }
    if (options.admin) {
      // Not spawnSync: the Neon stand-in it talks to runs in this process's event loop.
      const creating = spawn(
        'npm',
        [
          'run',
          'admin:create',
          '--',
          '--email',
          options.admin.email,
          '--password',
          options.admin.password,
        ],
        {
          cwd: app,
          stdio: options.output ?? 'ignore',
          env: {
            ...process.env,
            DATABASE_URL: postgres.connectionString,
            NEON_LOCAL_PROXY: standIn.address,
          },
        },
      );
      const code = await new Promise<number | null>((resolve) => creating.on('exit', resolve));
      if (code !== 0) throw new Error(`admin:create failed (exit ${code})`);
    }

    const port = options.port ?? (await freePort());
    const stripe = await startStripeStandIn({
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    });
    cleanups.push(() => stripe.close());
    const baseVars: [string, string][] = [
      // A local Worker: wrangler.jsonc's `production` would demand production secrets.
      ['DEPLOY_ENV', 'development'],
      // The outbox page, which the e2e suite reads the emailed links from.
      ['DEV_TOOLS', '1'],
      ['DATABASE_URL', postgres.connectionString],
      ['NEON_LOCAL_PROXY', standIn.address],
      ['UPSTASH_REDIS_REST_URL', upstash.url],
      ['UPSTASH_REDIS_REST_TOKEN', upstash.token],
      ...emailVars,
      ['STRIPE_SECRET_KEY', stripe.secretKey],
      ['STRIPE_WEBHOOK_SECRET', stripe.webhookSecret],
      ['STRIPE_LOCAL_API', `${stripe.host}:${stripe.port}`],
      // wrangler's local Analytics Engine binding keeps nothing: the stand-in does.
      ['ANALYTICS_LOCAL_URL', analytics.url],
      ['CLOUDFLARE_ACCOUNT_ID', analytics.accountId],
      ['ANALYTICS_API_TOKEN', analytics.apiToken],
      // Error reports go to the Sentry stand-in, through the real SDK.
      ['SENTRY_DSN', sentry.dsn],
      ...Object.entries(options.vars ?? {}),
    ];
    const launch = async (workerPort: number, extraVars: Record<string, string>) => {
      // The Worker's local bindings (R2) in a folder of its own, gone with it: its database is
      // new each time too, and two wrangler processes on one folder's SQLite can lock each
      // other out (the deploy rehearsal's runs beside the Worker tests did).
      const state = mkdtempSync(join(tmpdir(), 'edgecart-worker-state-'));
      cleanups.push(() => rmSync(state, { recursive: true, force: true }));
      const worker = spawnLocalWorker({
        config: join(app, 'wrangler.jsonc'),
        port: workerPort,
        vars: Object.fromEntries([...baseVars, ...Object.entries(extraVars)]),
        persist: state,
        testScheduled: true,
        stdio: options.output ?? 'ignore',
      });
      // The Worker first, so that it never sees its database go away under it.
      cleanups.push(processGroupStopper(worker, 10_000));
      const workerUrl = `http://127.0.0.1:${workerPort}`;
      log(`Worker starting on ${workerUrl}`);
      await waitForHealth(workerUrl, worker, 180_000);
      return workerUrl;
    };
    const url = await launch(port, {});
    const startWorker = async (vars: Record<string, string>) => ({
      url: await launch(await freePort(), vars),
    });
    const runScheduled = async () => {
      const response = await fetch(`${url}/__scheduled?cron=${encodeURIComponent('*/10 * * * *')}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`the scheduled run answered ${response.status}`);
    };
    return {
      url,
      postgres,
      redis,
      resend,
      stripe,
      analytics,
      sentry,
      vars: Object.fromEntries(baseVars),
      runScheduled,
      startWorker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
