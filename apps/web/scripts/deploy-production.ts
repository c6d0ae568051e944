/**
 * `npm run deploy:production -w @edgecart/web [-- --reuse-build]`: deploys a
 * commit of main, as .github/workflows/production.yml runs it (the workflow
 * only passes the settings, see docs/deploy.md). Steps, stopping at the first
 * that fails: check the settings; build the Worker; migrate the
 * production database; deploy `edgecart` with its secrets on SITE_URL's host.
 * The database is migrated only once the build has succeeded, and the old
 * Worker keeps serving until the deploy: a migration works with the code before it.
 */
import { buildWorker } from './deploy/build-worker.ts';
import { deployScript } from './deploy/deploy-script.ts';
import {
  type ProductionSettings,
  productionSettings,
  withoutSecrets,
} from './deploy/deploy-settings.ts';
import { runCommand } from './deploy/run-command.ts';
import { deployWorker } from './deploy/wrangler-deploy.ts';

const { reuseBuild, appDir, root, run } = deployScript();

const secretNames = [
  'DATABASE_URL',
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'UPSTASH_LIMITS_REDIS_REST_URL',
  'UPSTASH_LIMITS_REDIS_REST_TOKEN',
  'RESEND_API_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'ANALYTICS_API_TOKEN',
  'ALERT_WEBHOOK_URL',
  'CLOUDFLARE_API_TOKEN',
];
let settings!: ProductionSettings;
let plainEnv!: NodeJS.ProcessEnv;

await run([
  [
    'Check the production settings',
    async () => {
      settings = productionSettings(process.env);
      plainEnv = withoutSecrets(process.env, secretNames);
    },
  ],
  ['Build the Worker', () => buildWorker({ appDir, reuse: reuseBuild, env: plainEnv })],
  [
    'Migrate the production database',
    () =>
      runCommand('npm', ['run', 'db:migrate'], {
        cwd: root,
        env: { ...plainEnv, DATABASE_URL: settings.DATABASE_URL },
      }),
  ],
  [
    'Deploy the Worker',
    () =>
      deployWorker(
        {
          env: 'production',
          // The shop's own host, as a custom domain; workers.dev stays off (wrangler.jsonc).
          domains: [new URL(settings.SITE_URL).hostname],
          message: `main@${settings.HEAD_SHA}`,
          vars: {
            SITE_URL: new URL(settings.SITE_URL).origin,
            // With a token that may read the metrics, /admin/metrics queries this account's.
            ...(settings.ANALYTICS_API_TOKEN
              ? { CLOUDFLARE_ACCOUNT_ID: settings.CLOUDFLARE_ACCOUNT_ID }
              : {}),
            ...(settings.ALERT_THRESHOLDS ? { ALERT_THRESHOLDS: settings.ALERT_THRESHOLDS } : {}),
            // A DSN is not a secret (a browser SDK would carry it); the Worker keeps it anyway.
            ...(settings.SENTRY_DSN ? { SENTRY_DSN: settings.SENTRY_DSN } : {}),
          },
          secrets: {
            DATABASE_URL: settings.DATABASE_URL,
            UPSTASH_REDIS_REST_URL: settings.UPSTASH_REDIS_REST_URL,
            UPSTASH_REDIS_REST_TOKEN: settings.UPSTASH_REDIS_REST_TOKEN,
            RESEND_API_KEY: settings.RESEND_API_KEY,
            EMAIL_FROM: settings.EMAIL_FROM,
            STRIPE_SECRET_KEY: settings.STRIPE_SECRET_KEY,
            STRIPE_WEBHOOK_SECRET: settings.STRIPE_WEBHOOK_SECRET,
            ...(settings.UPSTASH_LIMITS_REDIS_REST_URL && settings.UPSTASH_LIMITS_REDIS_REST_TOKEN
              ? {
                  UPSTASH_LIMITS_REDIS_REST_URL: settings.UPSTASH_LIMITS_REDIS_REST_URL,
                  UPSTASH_LIMITS_REDIS_REST_TOKEN: settings.UPSTASH_LIMITS_REDIS_REST_TOKEN,
                }
              : {}),
            ...(settings.ANALYTICS_API_TOKEN
              ? { ANALYTICS_API_TOKEN: settings.ANALYTICS_API_TOKEN }
              : {}),
            // The webhook's URL is its credential: a secret.
            ...(settings.ALERT_WEBHOOK_URL
              ? { ALERT_WEBHOOK_URL: settings.ALERT_WEBHOOK_URL }
              : {}),
          },
        },
        // wrangler reads its token from the environment, and lets the environment
        // override the secrets file: no other secret is in it.
        { appDir, env: { ...plainEnv, CLOUDFLARE_API_TOKEN: settings.CLOUDFLARE_API_TOKEN } },
      ),
  ],
]);
console.log(`Deployed main@${settings.HEAD_SHA} to ${settings.SITE_URL}`);
