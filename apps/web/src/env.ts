import { cacheEnvShape } from '@edgecart/cache/env';
import { parseAlertThresholds } from '@edgecart/core/alert-thresholds';
import { dbEnvShape } from '@edgecart/db/env';
import { emailEnvShape } from '@edgecart/email/env';
import { paymentsEnvShape, stripeKeyMode } from '@edgecart/payments/env';
import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
import { type DeployEnv, deployEnvProblem, deployEnvs } from './deploy-env.ts';
import { inWorker } from './server/services/runtime.ts';

// Where the app runs, and why a Worker without it refuses to start: deploy-env.ts.
export { type DeployEnv, deployEnvs } from './deploy-env.ts';

/** The site URL when none is set, in development only. */
export const LOCAL_SITE_URL = 'http://localhost:3000';

export interface DeploySettings {
  DEPLOY_ENV: DeployEnv;
  DATABASE_URL?: string | undefined;
  NEON_LOCAL_PROXY?: string | undefined;
  DEV_TOOLS?: boolean | undefined;
  UPSTASH_REDIS_REST_URL?: string | undefined;
  UPSTASH_REDIS_REST_TOKEN?: string | undefined;
  UPSTASH_LIMITS_REDIS_REST_URL?: string | undefined;
  UPSTASH_LIMITS_REDIS_REST_TOKEN?: string | undefined;
  RESEND_API_KEY?: string | undefined;
  EMAIL_FROM?: string | undefined;
  RESEND_BASE_URL?: string | undefined;
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_LOCAL_API?: string | undefined;
  INTERNAL_CRON_SECRET?: string | undefined;
  ANALYTICS_LOCAL_URL?: string | undefined;
  SITE_URL?: string | undefined;
}

export interface DeployProblem {
  variable: Exclude<keyof DeploySettings, 'DEPLOY_ENV'>;
  /** What is wrong with it, to print after its name. */
  message: string;
}

const localHost = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/;

/**
 * A deployed Worker (production or a preview) runs on its own secrets or not at
 * all: no fallback to an embedded database or an in-memory cache, no local proxy,
 * no local site URL. Returns nothing in development.
 */
export function deployProblems(settings: DeploySettings): DeployProblem[] {
  const deployEnv = settings.DEPLOY_ENV;
  const problems: DeployProblem[] = [];
  if (settings.RESEND_API_KEY && !settings.EMAIL_FROM) {
    problems.push({
      variable: 'EMAIL_FROM',
      message:
        'required with RESEND_API_KEY: the sender of every email, e.g. `Edgecart <shop@example.com>`, on a domain verified with Resend.',
    });
  }
  // Half a limits database would silently count the limits in the cache's one.
  const limitsUrl = settings.UPSTASH_LIMITS_REDIS_REST_URL;
  const limitsToken = settings.UPSTASH_LIMITS_REDIS_REST_TOKEN;
  if (Boolean(limitsUrl) !== Boolean(limitsToken)) {
    problems.push({
      variable: limitsUrl ? 'UPSTASH_LIMITS_REDIS_REST_TOKEN' : 'UPSTASH_LIMITS_REDIS_REST_URL',
      message:
        'UPSTASH_LIMITS_REDIS_REST_URL and UPSTASH_LIMITS_REDIS_REST_TOKEN go together: the rate limits’ own Upstash database, or neither (the limits then count in the cache’s database).',
    });
  }
  if (settings.STRIPE_SECRET_KEY && !settings.STRIPE_WEBHOOK_SECRET) {
    problems.push({
      variable: 'STRIPE_WEBHOOK_SECRET',
      message:
        'required with STRIPE_SECRET_KEY: the signing secret of the webhook endpoint (whsec_…), from the Stripe dashboard or `stripe listen`.',
    });
  }
  if (deployEnv === 'development') return problems;
  for (const variable of [
    'DATABASE_URL',
    'UPSTASH_REDIS_REST_URL',
    'UPSTASH_REDIS_REST_TOKEN',
    'RESEND_API_KEY',
    'STRIPE_SECRET_KEY',
  ] as const) {
    if (!settings[variable]) {
      problems.push({
        variable,
        message: `required when DEPLOY_ENV is ${deployEnv}: set it as a secret of this Worker (see docs/deploy.md).`,
      });
    }
  }
  // Production takes real money, a preview never does: the key's mode must say so.
  const key = settings.STRIPE_SECRET_KEY;
  const mode = stripeKeyMode(key);
  if (key && deployEnv === 'production' && mode !== 'live') {
    problems.push({
      variable: 'STRIPE_SECRET_KEY',
      message:
        'must be a live key (sk_live_… or rk_live_…) when DEPLOY_ENV is production: a test-mode key takes no money.',
    });
  }
  if (key && deployEnv === 'preview' && mode !== 'test') {
    problems.push({
      variable: 'STRIPE_SECRET_KEY',
      message:
        'must be a test-mode key (sk_test_… or rk_test_…) when DEPLOY_ENV is preview: a preview never charges a card.',
    });
  }
  if (settings.DEV_TOOLS) {
    problems.push({
      variable: 'DEV_TOOLS',
      message: `shows every email the shop sends, for development only: it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  if (settings.NEON_LOCAL_PROXY) {
    problems.push({
      variable: 'NEON_LOCAL_PROXY',
      message: `reaches a local PostgreSQL, for dev and tests only: it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  if (settings.STRIPE_LOCAL_API) {
    problems.push({
      variable: 'STRIPE_LOCAL_API',
      message: `points the Stripe SDK at the local payment stand-in, for dev and tests only: it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  if (settings.INTERNAL_CRON_SECRET) {
    problems.push({
      variable: 'INTERNAL_CRON_SECRET',
      message: `is for the timers of \`npm run dev\`: a Worker runs its cron in-process, so it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  if (settings.ANALYTICS_LOCAL_URL) {
    problems.push({
      variable: 'ANALYTICS_LOCAL_URL',
      message: `sends the metrics to the local Analytics Engine stand-in, for dev and tests only: it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  if (settings.RESEND_BASE_URL) {
    problems.push({
      variable: 'RESEND_BASE_URL',
      message: `points the email SDK at a local stand-in, for dev and tests only: it must not be set when DEPLOY_ENV is ${deployEnv}.`,
    });
  }
  // Links in emails, Stripe's redirects, canonical URLs: read at run time, one build for any site.
  const site = settings.SITE_URL;
  const url = site !== undefined && URL.canParse(site) ? new URL(site) : undefined;
  if (url?.protocol !== 'https:' || localHost.test(url.hostname)) {
    problems.push({
      variable: 'SITE_URL',
      message: `must be the shop's public https origin when DEPLOY_ENV is ${deployEnv} (got ${site ?? 'nothing'}): set it as a variable of this Worker (the deploy scripts do).`,
    });
  }
  return problems;
}

/** The variables the app reads; each one is spelled out so that Next can inline NEXT_PUBLIC_*. */
export type AppRuntimeEnv = Record<
  | 'NODE_ENV'
  | 'DEPLOY_ENV'
  | 'DATABASE_URL'
  | 'NEON_LOCAL_PROXY'
  | 'DEV_TOOLS'
  | 'PGLITE_DATA_DIR'
  | 'UPSTASH_REDIS_REST_URL'
  | 'UPSTASH_REDIS_REST_TOKEN'
  | 'UPSTASH_LIMITS_REDIS_REST_URL'
  | 'UPSTASH_LIMITS_REDIS_REST_TOKEN'
  | 'CATALOG_CACHE'
  | 'CACHE_PREFIX'
  | 'CACHE_TIMEOUT_MS'
  | 'RESEND_API_KEY'
  | 'EMAIL_FROM'
  | 'RESEND_BASE_URL'
  | 'STRIPE_SECRET_KEY'
  | 'STRIPE_WEBHOOK_SECRET'
  | 'STRIPE_LOCAL_API'
  | 'INTERNAL_CRON_SECRET'
  | 'IMAGE_TRANSFORMATIONS'
  | 'IMPORT_IMAGE_HOSTS'
  | 'ANALYTICS_LOCAL_URL'
  | 'ANALYTICS_DATASET'
  | 'CLOUDFLARE_ACCOUNT_ID'
  | 'ANALYTICS_API_TOKEN'
  | 'ALERT_WEBHOOK_URL'
  | 'ALERT_THRESHOLDS'
  | 'SENTRY_DSN'
  | 'SITE_URL',
  string | undefined
>;

/**
 * Validates the environment; throws one message listing every problem.
 * `worker`: running in workerd, where an unset DEPLOY_ENV is refused rather
 * than taken for `development`.
 */
export function createAppEnv(runtimeEnv: AppRuntimeEnv, options: { worker?: boolean } = {}) {
  const worker = options.worker ?? inWorker;
  return createEnv({
    server: {
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      DEPLOY_ENV: z.enum(deployEnvs).optional(),
      /** `1` turns on development tools (the /dev/outbox page). */
      DEV_TOOLS: z
        .enum(['0', '1'])
        .optional()
        .transform((value) => value === '1'),
      ...dbEnvShape,
      ...cacheEnvShape,
      ...emailEnvShape,
      ...paymentsEnvShape,
      /**
       * `cloudflare`: the shop's zone has Cloudflare Images transformations on, and
       * photos are offered in responsive sizes through `/cdn-cgi/image/`. Unset: served
       * as uploaded (locally, and on workers.dev previews, which have no zone).
       */
      IMAGE_TRANSFORMATIONS: z.enum(['cloudflare']).optional(),
      /**
       * Hosts a catalog import may fetch product images from, comma-separated
       * (`cdn.shopify.com,images.example.com`). Unset: only the shop's own URLs.
       */
      IMPORT_IMAGE_HOSTS: z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(',')
            .map((host) => host.trim().toLowerCase())
            .filter(Boolean),
        ),
      /**
       * The local Analytics Engine stand-in (packages/dev-services), which `npm run dev`
       * and `preview:edge` start and set: metrics are written and read there instead of
       * the `METRICS` binding and the SQL API. Never in a deployed Worker.
       */
      ANALYTICS_LOCAL_URL: z.url().optional(),
      /** The Analytics Engine dataset the `METRICS` binding writes (wrangler.jsonc). */
      ANALYTICS_DATASET: z
        .string()
        .regex(/^[a-z0-9_]{1,64}$/, 'lower-case letters, digits and _')
        .optional(),
      /** With ANALYTICS_API_TOKEN, lets /admin/metrics query the Analytics Engine SQL API. */
      CLOUDFLARE_ACCOUNT_ID: z
        .string()
        .regex(/^[0-9a-f]{32}$/, 'the 32 hexadecimal digits of the Cloudflare account id')
        .optional(),
      /** An API token with "Account Analytics: Read", for /admin/metrics and the alerts. */
      ANALYTICS_API_TOKEN: z.string().min(20).optional(),
      /** A Slack-compatible incoming webhook the scheduled run posts alerts to. */
      ALERT_WEBHOOK_URL: z.url().optional(),
      /**
       * Sentry's DSN: the Worker's entry reports every 5xx and the browser's errors
       * there (worker-entry/error-reports.ts). Unset: nothing is reported.
       */
      SENTRY_DSN: z.url().optional(),
      /**
       * The alerts' thresholds over the defaults in core (`alert-thresholds.ts`), as
       * name=value pairs: `errorRate=0.02,p99Ms=2000,windowMinutes=10`.
       */
      ALERT_THRESHOLDS: z
        .string()
        .optional()
        .transform((value, ctx) => {
          try {
            return parseAlertThresholds(value);
          } catch (error) {
            ctx.addIssue({
              code: 'custom',
              message: `alert thresholds, name=value pairs (docs/operations.md): ${error instanceof Error ? error.message : String(error)}`,
            });
            return z.NEVER;
          }
        }),
      /**
       * The shop's public origin: links in emails, Stripe's return pages, canonical URLs,
       * the sitemap. Read at run time (a Worker variable), so one build serves any site.
       */
      SITE_URL: z.url().optional(),
      /** Set by `npm run dev` for its timers (outbox, sweeper); never in a Worker. */
      INTERNAL_CRON_SECRET: z.string().min(32).optional(),
    },
    client: {},
    runtimeEnv,
    emptyStringAsUndefined: true,
    createFinalSchema: (shape, isServer) =>
      z
        .object(shape)
        .superRefine((values, ctx) => {
          // The browser sees only NEXT_PUBLIC_*: the deployment rules are checked on the server.
          if (!isServer) return;
          const missing = deployEnvProblem(values.DEPLOY_ENV, worker);
          if (missing) ctx.addIssue({ code: 'custom', path: ['DEPLOY_ENV'], message: missing });
          const settings = { ...values, DEPLOY_ENV: values.DEPLOY_ENV ?? 'development' };
          for (const { variable, message } of deployProblems(settings)) {
            ctx.addIssue({ code: 'custom', path: [variable], message });
          }
        })
        .transform((values) => ({
          ...values,
          DEPLOY_ENV: values.DEPLOY_ENV ?? ('development' as DeployEnv),
          SITE_URL: values.SITE_URL ?? LOCAL_SITE_URL,
        })),
    onValidationError: (issues) => {
      const lines = issues.map((issue) => {
        const path = (issue.path ?? [])
          .map((part) => String(typeof part === 'object' ? part.key : part))
          .join('.');
        return `- ${path || 'environment'}: ${issue.message}`;
      });
      const message = `Invalid environment (see .env.example and docs/deploy.md):\n${lines.join('\n')}`;
      console.error(message);
      throw new Error(message);
    },
  });
}

/** The one place the web app reads the environment. See .env.example. */
export const env = createAppEnv({
  NODE_ENV: process.env.NODE_ENV,
  DEPLOY_ENV: process.env.DEPLOY_ENV,
  DATABASE_URL: process.env.DATABASE_URL,
  NEON_LOCAL_PROXY: process.env.NEON_LOCAL_PROXY,
  DEV_TOOLS: process.env.DEV_TOOLS,
  PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR,
  UPSTASH_REDIS_REST_URL: process.env.UPSTASH_REDIS_REST_URL,
  UPSTASH_REDIS_REST_TOKEN: process.env.UPSTASH_REDIS_REST_TOKEN,
  UPSTASH_LIMITS_REDIS_REST_URL: process.env.UPSTASH_LIMITS_REDIS_REST_URL,
  UPSTASH_LIMITS_REDIS_REST_TOKEN: process.env.UPSTASH_LIMITS_REDIS_REST_TOKEN,
  CATALOG_CACHE: process.env.CATALOG_CACHE,
  CACHE_PREFIX: process.env.CACHE_PREFIX,
  CACHE_TIMEOUT_MS: process.env.CACHE_TIMEOUT_MS,
  RESEND_API_KEY: process.env.RESEND_API_KEY,
  EMAIL_FROM: process.env.EMAIL_FROM,
  RESEND_BASE_URL: process.env.RESEND_BASE_URL,
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET,
  STRIPE_LOCAL_API: process.env.STRIPE_LOCAL_API,
  INTERNAL_CRON_SECRET: process.env.INTERNAL_CRON_SECRET,
  IMAGE_TRANSFORMATIONS: process.env.IMAGE_TRANSFORMATIONS,
  IMPORT_IMAGE_HOSTS: process.env.IMPORT_IMAGE_HOSTS,
  ANALYTICS_LOCAL_URL: process.env.ANALYTICS_LOCAL_URL,
  ANALYTICS_DATASET: process.env.ANALYTICS_DATASET,
  CLOUDFLARE_ACCOUNT_ID: process.env.CLOUDFLARE_ACCOUNT_ID,
  ANALYTICS_API_TOKEN: process.env.ANALYTICS_API_TOKEN,
  ALERT_WEBHOOK_URL: process.env.ALERT_WEBHOOK_URL,
  ALERT_THRESHOLDS: process.env.ALERT_THRESHOLDS,
  SENTRY_DSN: process.env.SENTRY_DSN,
  SITE_URL: process.env.SITE_URL,
});
