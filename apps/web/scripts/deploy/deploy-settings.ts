import { z } from 'zod';

/** Unset and empty are the same thing: GitHub passes a missing secret as ''. */
const present = (env: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );

const required = z.string().min(1);
const sha = z.string().regex(/^[0-9a-f]{7,40}$/, 'a commit SHA (hex)');
const cloudflare = {
  CLOUDFLARE_API_TOKEN: required,
  CLOUDFLARE_ACCOUNT_ID: required,
  /** Read by wrangler itself; the deploy scripts use it to delete a Worker. */
  CLOUDFLARE_API_BASE_URL: z.url().optional(),
};
const neon = {
  NEON_API_KEY: required,
  NEON_PROJECT_ID: required,
  NEON_API_BASE_URL: z.url().default('https://console.neon.tech/api/v2'),
};
const prNumber = z.string().regex(/^[1-9]\d*$/, 'the pull request number');
const stripeLocalApi = z
  .string()
  .regex(/^[\w.-]+:\d+$/)
  .optional();

const previewSchema = z.object({
  ...cloudflare,
  ...neon,
  WORKERS_SUBDOMAIN: z.string().regex(/^[a-z0-9-]+$/, "the account's workers.dev subdomain"),
  NEON_PREVIEW_PARENT_BRANCH: required,
  NEON_DATABASE: z.string().min(1).default('neondb'),
  NEON_ROLE: z.string().min(1).default('neondb_owner'),
  PREVIEW_UPSTASH_REDIS_REST_URL: z.url(),
  PREVIEW_UPSTASH_REDIS_REST_TOKEN: required,
  PREVIEW_RESEND_API_KEY: required,
  EMAIL_FROM: required,
  // A preview never charges a card; the Worker would refuse a live key at start.
  PREVIEW_STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_test_./, 'must be a test-mode key (sk_test_… or rk_test_…)'),
  /** The payment stand-in, for the rehearsal only; Stripe itself when unset. */
  STRIPE_LOCAL_API: stripeLocalApi,
  PR_NUMBER: prNumber,
  HEAD_SHA: sha,
});

const closeSchema = z.object({
  ...cloudflare,
  ...neon,
  WORKERS_SUBDOMAIN: z.string().regex(/^[a-z0-9-]+$/, "the account's workers.dev subdomain"),
  PREVIEW_STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_test_./, 'a test-mode key'),
  STRIPE_LOCAL_API: stripeLocalApi,
  PR_NUMBER: prNumber,
});

const productionSchema = z
  .object({
    ...cloudflare,
    DATABASE_URL: z.url(),
    UPSTASH_REDIS_REST_URL: z.url(),
    UPSTASH_REDIS_REST_TOKEN: required,
    UPSTASH_LIMITS_REDIS_REST_URL: z.url().optional(),
    UPSTASH_LIMITS_REDIS_REST_TOKEN: z.string().optional(),
    RESEND_API_KEY: required,
    EMAIL_FROM: required,
    // The Worker refuses a test-mode key in production: say so before deploying it.
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_live_./, 'must be a live key (sk_live_… or rk_live_…) in production'),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_'),
    /** Optional: lets /admin/metrics and the alerts read the metrics (Account Analytics: Read). */
    ANALYTICS_API_TOKEN: z
      .string()
      .min(20, 'an API token with "Account Analytics: Read"')
      .optional(),
    /** Optional: a Slack-compatible incoming webhook for the alerts, and their thresholds (JSON). */
    ALERT_WEBHOOK_URL: z.url().optional(),
    ALERT_THRESHOLDS: z.string().optional(),
    /** Optional: Sentry's DSN, where the Worker reports its 5xx and the browser's errors. */
    SENTRY_DSN: z
      .url()
      .refine(
        (url) => new URL(url).username !== '',
        'a DSN names its key: https://<key>@<host>/<project>',
      )
      .optional(),
    SITE_URL: z
      .url()
      .refine((url) => new URL(url).protocol === 'https:', "must be the shop's public https origin")
      .refine((url) => new URL(url).pathname === '/', 'an origin, without a path'),
    HEAD_SHA: sha,
  })
  .refine(
    (env) => !env.UPSTASH_LIMITS_REDIS_REST_URL === !env.UPSTASH_LIMITS_REDIS_REST_TOKEN,
    'UPSTASH_LIMITS_REDIS_REST_URL and UPSTASH_LIMITS_REDIS_REST_TOKEN go together',
  );

export type PreviewSettings = z.infer<typeof previewSchema>;
export type CloseSettings = z.infer<typeof closeSchema>;
export type ProductionSettings = z.infer<typeof productionSchema>;

function parse<T>(schema: z.ZodType<T>, env: Record<string, string | undefined>, where: string): T {
  const parsed = schema.safeParse(present(env));
  if (!parsed.success) {
    throw new Error(
      `The ${where} settings are incomplete or wrong (see docs/deploy.md); nothing was changed:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

export const previewSettings = (env: Record<string, string | undefined>) =>
  parse(previewSchema, env, 'preview');
export const closeSettings = (env: Record<string, string | undefined>) =>
  parse(closeSchema, env, 'preview');
export const productionSettings = (env: Record<string, string | undefined>) =>
  parse(productionSchema, env, 'production');

/** What names a preview: its Worker, its Neon branch, its address, its cache prefix. */
export function previewNames(pr: string, subdomain: string) {
  const worker = `edgecart-pr-${pr}`;
  return {
    worker,
    branch: `preview/pr-${pr}`,
    url: `https://${worker}.${subdomain}.workers.dev`,
    cachePrefix: `pr-${pr}`,
  };
}

/** The environment a build or a migration gets: the runner's, without any deploy secret. */
export function withoutSecrets(
  env: Record<string, string | undefined>,
  secrets: string[],
): NodeJS.ProcessEnv {
  const hidden = new Set(secrets);
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !hidden.has(name)),
  ) as NodeJS.ProcessEnv;
}
