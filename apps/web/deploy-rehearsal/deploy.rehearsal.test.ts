/**
 * `npm run deploy:rehearse`: the preview and production deploy scripts, run
 * end to end as the workflows run them, with wrangler and the scripts pointed
 * at local stand-ins of the Cloudflare, Neon and Stripe APIs, and the Neon
 * branches as real databases on a local PostgreSQL. It asserts what reached
 * Cloudflare (the Worker's name, bindings, vars, secrets and message), what
 * happened to the Neon branches and the webhook endpoints, the order of the
 * production steps, and serves the uploaded preview Worker in workerd for the
 * workflow's health check and the e2e smoke subset. See docs/deploy.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CloudflareApiStandIn,
  type LocalPostgres,
  type LocalRedis,
  type NeonApiStandIn,
  type NeonStandIn,
  type ResendStandIn,
  type StripeStandIn,
  startCloudflareApiStandIn,
  startNeonApiStandIn,
  startNeonStandIn,
  startPostgres,
  startRedis,
  startResendStandIn,
  startStripeStandIn,
  startUpstashBridge,
  type UpstashBridge,
  type WorkerUpload,
} from '@edgecart/dev-services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildStampFile, readBuildStamp } from '../scripts/deploy/build-worker.ts';
import { runDeployScript } from './run-script.ts';
import { serveUpload } from './serve-upload.ts';

const app = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const PR = '7';
const FIRST_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SECOND_SHA = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890';
const MAIN_SHA = 'c3d4e5f60718293a4b5c6d7e8f90123456789012';
const PREVIEW_URL = `https://edgecart-pr-${PR}.edgecart-ci.workers.dev`;
const SITE_URL = 'https://shop.example.com';
const PARENT = 'preview-seed';

let postgres: LocalPostgres;
let neonProxy: NeonStandIn;
let neon: NeonApiStandIn;
let redis: LocalRedis;
let upstash: UpstashBridge;
let stripe: StripeStandIn;
let resend: ResendStandIn;
let cloudflare: CloudflareApiStandIn;
const stops: (() => Promise<void> | void)[] = [];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableExists = async (url: string, table: string) =>
  (await query<{ found: string | null }>(url, `SELECT to_regclass('${table}') AS found`))[0]
    ?.found !== null;

/** What every script run gets: the runner's environment and the stand-ins' addresses. */
function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    CLOUDFLARE_API_BASE_URL: cloudflare.url,
    CLOUDFLARE_API_TOKEN: cloudflare.apiToken,
    CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
    // The migrations reach the local PostgreSQL through the Neon driver and its proxy.
    NEON_LOCAL_PROXY: neonProxy.address,
    STRIPE_LOCAL_API: `${stripe.host}:${stripe.port}`,
  };
}

function previewEnv(sha: string): NodeJS.ProcessEnv {
  return {
    ...baseEnv(),
    WORKERS_SUBDOMAIN: cloudflare.subdomain,
    NEON_API_BASE_URL: neon.url,
    NEON_API_KEY: neon.apiKey,
    NEON_PROJECT_ID: neon.projectId,
    NEON_PREVIEW_PARENT_BRANCH: PARENT,
    PREVIEW_UPSTASH_REDIS_REST_URL: upstash.url,
    PREVIEW_UPSTASH_REDIS_REST_TOKEN: upstash.token,
    PREVIEW_RESEND_API_KEY: resend.apiKey,
    EMAIL_FROM: 'Edgecart <shop@example.com>',
    PREVIEW_STRIPE_SECRET_KEY: stripe.secretKey,
    PR_NUMBER: PR,
    HEAD_SHA: sha,
  };
}

let productionDb: string;
function productionEnv(): NodeJS.ProcessEnv {
  return {
    ...baseEnv(),
    DATABASE_URL: productionDb,
    UPSTASH_REDIS_REST_URL: upstash.url,
    UPSTASH_REDIS_REST_TOKEN: upstash.token,
    UPSTASH_LIMITS_REDIS_REST_URL: upstash.url,
    UPSTASH_LIMITS_REDIS_REST_TOKEN: upstash.token,
    RESEND_API_KEY: resend.apiKey,
    EMAIL_FROM: 'Edgecart <shop@example.com>',
    STRIPE_SECRET_KEY: 'sk_live_rehearsal_not_a_real_key',
    STRIPE_WEBHOOK_SECRET: 'whsec_rehearsal_not_a_real_secret',
    ANALYTICS_API_TOKEN: 'analytics-read-rehearsal-token',
    ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/rehearsal',
    ALERT_THRESHOLDS: 'errorRate=0.02,p99Ms=2000',
    SENTRY_DSN: 'https://0123456789abcdef@o1.ingest.sentry.io/42',
    SITE_URL,
    HEAD_SHA: MAIN_SHA,
  };
}

const bindingsOf = (upload: WorkerUpload | undefined) =>
  new Map((upload?.metadata.bindings ?? []).map((b) => [b.name, b]));

const endpointsAt = (url: string) =>
  [...stripe.webhookEndpoints.values()].filter((e) => e.url === url);

/** The workflow's health check (scripts/wait-healthy.ts), against a served upload. */
async function waitHealthy(url: string): Promise<number | null> {
  const child = spawn('npx', ['tsx', 'scripts/wait-healthy.ts', url, '90', '2000'], {
    cwd: app,
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.on('exit', resolve));
}

beforeAll(async () => {
  postgres = await startPostgres();
  stops.push(() => postgres.stop());
  neonProxy = await startNeonStandIn({ postgres: { host: '127.0.0.1', port: postgres.port } });
  stops.push(() => neonProxy.close());
  neon = await startNeonApiStandIn({ postgres });
  stops.push(() => neon.close());
  redis = await startRedis();
  stops.push(() => redis.stop());
  upstash = await startUpstashBridge({ redisUrl: redis.url });
  stops.push(() => upstash.close());
  stripe = await startStripeStandIn();
  stops.push(() => stripe.close());
  resend = await startResendStandIn();
  stops.push(() => resend.close());
  cloudflare = await startCloudflareApiStandIn({ zones: ['example.com'] });
  stops.push(() => cloudflare.close());

  // The preview parent, as docs/deploy.md asks for it: a branch of its own, migrated and seeded.
  await neon.createBranch(PARENT, 'main');
  const parentEnv = { ...baseEnv(), DATABASE_URL: neon.urlOf(PARENT) };
  for (const script of ['db:migrate', 'db:seed']) {
    const child = spawn('npm', ['run', script], { cwd: repo, env: parentEnv, stdio: 'inherit' });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`${script} of the preview parent exited with ${code}`);
  }
  await query(postgres.connectionString, 'CREATE DATABASE production');
  productionDb = postgres.urlFor('production');
});

afterAll(async () => {
  for (const stop of stops.splice(0).reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`);
    }
  }
});

/**
 * Under `npm test` (REHEARSE_WITH_BUILT_WORKER=1) the Worker its e2e run built and
 * tested is deployed as it is (a build names no site, so one serves a preview and the
 * shop alike), which saves a build; `npm run deploy:rehearse` alone builds for real.
 */
function reuseTheTestedBuild(): string[] {
  const reuse = process.env.REHEARSE_WITH_BUILT_WORKER === '1' && readBuildStamp(app) !== null;
  return reuse ? ['--reuse-build'] : [];
}

describe('a pull request', () => {
  let firstBranchId: string;

  test('its first push makes a branch of the parent, migrates it and uploads the Worker with every secret', async () => {
    const { code, output } = await runDeployScript(
      'deploy-preview',
      reuseTheTestedBuild(),
      previewEnv(FIRST_SHA),
    );
    expect(code, output).toBe(0);

    const parent = [...neon.branches.values()].find((b) => b.name === PARENT);
    const branch = [...neon.branches.values()].find((b) => b.name === `preview/pr-${PR}`);
    expect(branch?.parent_id).toBe(parent?.id);
    firstBranchId = branch?.id ?? '';
    const branchUrl = neon.urlOf(`preview/pr-${PR}`);
    expect(await tableExists(branchUrl, 'products')).toBe(true);
    const [{ count }] = (await query<{ count: string }>(
      branchUrl,
      'SELECT count(*) AS count FROM products',
    )) as [{ count: string }];
    expect(Number(count)).toBeGreaterThan(0);

    const worker = cloudflare.workers.get(`edgecart-pr-${PR}`);
    expect(worker, `workers: ${[...cloudflare.workers.keys()].join(', ')}`).toBeDefined();
    expect([...cloudflare.workers.keys()]).toEqual([`edgecart-pr-${PR}`]);
    const upload = worker?.uploads.at(-1);
    expect(upload?.message).toBe(`pr-${PR}@${FIRST_SHA}`);
    const bindings = bindingsOf(upload);
    expect(bindings.get('DEPLOY_ENV')).toMatchObject({ type: 'plain_text', text: 'preview' });
    expect(bindings.get('CACHE_PREFIX')).toMatchObject({ type: 'plain_text', text: `pr-${PR}` });
    // The photos' bucket: made by wrangler on the first deploy, the previews' own.
    expect(bindings.get('MEDIA')).toMatchObject({
      type: 'r2_bucket',
      bucket_name: 'edgecart-media-preview',
    });
    expect(cloudflare.buckets.has('edgecart-media-preview')).toBe(true);
    // The metrics: the previews' own dataset, named for the dashboard's queries too.
    expect(bindings.get('METRICS')).toMatchObject({
      type: 'analytics_engine',
      dataset: 'edgecart_metrics_preview',
    });
    expect(bindings.get('ANALYTICS_DATASET')).toMatchObject({
      type: 'plain_text',
      text: 'edgecart_metrics_preview',
    });
    expect(bindings.get('ASSETS')).toMatchObject({ type: 'assets' });
    expect([...bindings.values()].filter((b) => b.type === 'service')).toEqual([]);
    const [endpoint, ...others] = endpointsAt(`${PREVIEW_URL}/api/webhooks/stripe`);
    expect(others).toEqual([]);
    expect(Object.fromEntries(worker?.secrets ?? [])).toEqual({
      DATABASE_URL: branchUrl,
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
      RESEND_API_KEY: resend.apiKey,
      EMAIL_FROM: 'Edgecart <shop@example.com>',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: endpoint?.secret,
    });
    expect(worker?.workersDev).toBe(true);
    expect(worker?.crons).toEqual([]);
    expect([...cloudflare.domains.values()]).toEqual([]);
    expect(worker?.assets.size).toBeGreaterThan(10);
    // The site's URL is the Worker's variable, not the build's.
    expect(bindings.get('SITE_URL')).toMatchObject({ type: 'plain_text', text: PREVIEW_URL });
  });

  test('the uploaded Worker answers the health check and the e2e smoke subset', async () => {
    const worker = cloudflare.workers.get(`edgecart-pr-${PR}`);
    if (!worker) throw new Error('no preview Worker was uploaded');
    const served = await serveUpload(worker, {
      // Local only: a preview Worker refuses the stand-ins' addresses (env.ts).
      DEPLOY_ENV: 'development',
      NEON_LOCAL_PROXY: neonProxy.address,
      STRIPE_LOCAL_API: `${stripe.host}:${stripe.port}`,
      RESEND_BASE_URL: resend.url,
    });
    try {
      expect(await waitHealthy(served.url)).toBe(0);
      // Its results and report in a folder of its own: Playwright empties its output folder
      // first, and the suite's own runs may be writing theirs at the same time (e2e-all.mjs).
      const folder = mkdtempSync(join(tmpdir(), 'edgecart-smoke-'));
      const output = join(folder, 'results');
      const smoke = spawn(
        'npm',
        ['run', 'e2e:smoke', '-w', '@edgecart/e2e', '--', '--output', output],
        {
          cwd: repo,
          stdio: 'inherit',
          env: {
            ...process.env,
            E2E_BASE_URL: served.url,
            E2E_TARGET: 'worker',
            // Beside the results, not in them: Playwright refuses that.
            PLAYWRIGHT_HTML_OUTPUT_DIR: join(folder, 'report'),
          },
        },
      );
      expect(await new Promise((resolve) => smoke.on('exit', resolve))).toBe(0);
    } finally {
      await served.stop();
    }
  });

  test('a second push resets the branch to its parent and replaces the webhook endpoint', async () => {
    const branchUrl = neon.urlOf(`preview/pr-${PR}`);
    await query(branchUrl, 'CREATE TABLE left_by_the_first_push (id int)');
    const before = endpointsAt(`${PREVIEW_URL}/api/webhooks/stripe`);

    const { code, output } = await runDeployScript(
      'deploy-preview',
      ['--reuse-build'],
      previewEnv(SECOND_SHA),
    );
    expect(code, output).toBe(0);
    const branch = [...neon.branches.values()].find((b) => b.name === `preview/pr-${PR}`);
    expect(branch?.id).toBe(firstBranchId);
    expect(neon.calls).toContain(
      `POST /projects/${neon.projectId}/branches/${firstBranchId}/restore`,
    );
    expect(await tableExists(branchUrl, 'left_by_the_first_push')).toBe(false);
    expect(await tableExists(branchUrl, 'products')).toBe(true);

    const worker = cloudflare.workers.get(`edgecart-pr-${PR}`);
    expect(worker?.uploads.map((u) => u.message)).toEqual([
      `pr-${PR}@${FIRST_SHA}`,
      `pr-${PR}@${SECOND_SHA}`,
    ]);
    const after = endpointsAt(`${PREVIEW_URL}/api/webhooks/stripe`);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(before[0]?.id);
    expect(worker?.secrets.get('STRIPE_WEBHOOK_SECRET')).toBe(after[0]?.secret);
  });

  test('closing it deletes the Worker, the branch and the webhook endpoint, and can run again', async () => {
    const env = previewEnv(SECOND_SHA);
    const first = await runDeployScript('close-preview', [], env);
    expect(first.code, first.output).toBe(0);
    expect(cloudflare.deleted).toEqual([`edgecart-pr-${PR}`]);
    expect(cloudflare.workers.has(`edgecart-pr-${PR}`)).toBe(false);
    expect([...neon.branches.values()].map((b) => b.name).sort()).toEqual(['main', PARENT]);
    expect(endpointsAt(`${PREVIEW_URL}/api/webhooks/stripe`)).toEqual([]);

    const again = await runDeployScript('close-preview', [], env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`No Worker edgecart-pr-${PR} to delete.`);
  });
});

describe('production', () => {
  test('a build step that fails leaves the database and the Worker as they were', async () => {
    // Nothing built to reuse (its stamp put aside, the build itself kept for the next
    // test): the build step fails.
    const stamp = join(app, buildStampFile);
    const aside = `${stamp}.aside`;
    const stamped = existsSync(stamp);
    if (stamped) renameSync(stamp, aside);
    let result: Awaited<ReturnType<typeof runDeployScript>>;
    try {
      result = await runDeployScript('deploy-production', ['--reuse-build'], productionEnv());
    } finally {
      if (stamped) renameSync(aside, stamp);
    }
    const { code, output } = result;
    expect(code).toBe(1);
    expect(output).toContain('✖ Build the Worker failed');
    expect(output).not.toContain('▶ Migrate the production database');
    expect(await tableExists(productionDb, 'products')).toBe(false);
    expect(cloudflare.workers.has('edgecart')).toBe(false);
  });

  test('builds (or takes the tested build), then migrates, then uploads the Worker on the shop domain with every secret', async () => {
    const { code, output } = await runDeployScript(
      'deploy-production',
      reuseTheTestedBuild(),
      productionEnv(),
    );
    expect(code, output).toBe(0);
    const order = [
      '▶ Build the Worker',
      '▶ Migrate the production database',
      '▶ Deploy the Worker',
    ];
    const positions = order.map((step) => output.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(await tableExists(productionDb, 'products')).toBe(true);

    const worker = cloudflare.workers.get('edgecart');
    const upload = worker?.uploads.at(-1);
    expect(upload?.message).toBe(`main@${MAIN_SHA}`);
    const bindings = bindingsOf(upload);
    expect(bindings.get('DEPLOY_ENV')).toMatchObject({ type: 'plain_text', text: 'production' });
    expect(bindings.get('MEDIA')).toMatchObject({
      type: 'r2_bucket',
      bucket_name: 'edgecart-media',
    });
    expect(cloudflare.buckets.has('edgecart-media')).toBe(true);
    expect(bindings.get('METRICS')).toMatchObject({
      type: 'analytics_engine',
      dataset: 'edgecart_metrics',
    });
    expect([...bindings.values()].filter((b) => b.type === 'service')).toEqual([]);
    const env = productionEnv();
    expect(Object.fromEntries(worker?.secrets ?? [])).toEqual({
      DATABASE_URL: env.DATABASE_URL,
      UPSTASH_REDIS_REST_URL: env.UPSTASH_REDIS_REST_URL,
      UPSTASH_REDIS_REST_TOKEN: env.UPSTASH_REDIS_REST_TOKEN,
      UPSTASH_LIMITS_REDIS_REST_URL: env.UPSTASH_LIMITS_REDIS_REST_URL,
      UPSTASH_LIMITS_REDIS_REST_TOKEN: env.UPSTASH_LIMITS_REDIS_REST_TOKEN,
      RESEND_API_KEY: env.RESEND_API_KEY,
      EMAIL_FROM: env.EMAIL_FROM,
      STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
      ANALYTICS_API_TOKEN: env.ANALYTICS_API_TOKEN,
      ALERT_WEBHOOK_URL: env.ALERT_WEBHOOK_URL,
    });
    expect(bindings.get('ALERT_THRESHOLDS')).toMatchObject({
      type: 'plain_text',
      text: 'errorRate=0.02,p99Ms=2000',
    });
    expect(bindings.get('SENTRY_DSN')).toMatchObject({
      type: 'plain_text',
      text: 'https://0123456789abcdef@o1.ingest.sentry.io/42',
    });
    expect(bindings.get('CLOUDFLARE_ACCOUNT_ID')).toMatchObject({
      type: 'plain_text',
      text: cloudflare.accountId,
    });
    expect(worker?.workersDev).toBe(false);
    expect(worker?.previewUrls).toBe(false);
    expect(worker?.crons).toEqual(['*/10 * * * *']);
    expect([...cloudflare.domains.values()]).toEqual([
      expect.objectContaining({ hostname: 'shop.example.com', script: 'edgecart' }),
    ]);
    expect(bindings.get('SITE_URL')).toMatchObject({ type: 'plain_text', text: SITE_URL });
  });
});
