/**
 * `npm run deploy:preview -w @edgecart/web [-- --reuse-build]`: deploys a pull
 * request's preview, as .github/workflows/preview.yml runs it (the workflow
 * only passes the settings, see docs/deploy.md). Steps, stopping at the first
 * that fails: check the settings; make or reset the Neon branch `preview/pr-N`
 * from the preview parent; migrate and seed it; build the Worker for the
 * preview's URL; give the preview its own Stripe webhook endpoint; deploy
 * `edgecart-pr-N` with its secrets. The workflow then waits for its health.
 */
import { replaceWebhookEndpoint } from '@edgecart/payments/webhook-endpoints';
import { buildWorker } from './deploy/build-worker.ts';
import { deployScript } from './deploy/deploy-script.ts';
import {
  type PreviewSettings,
  previewNames,
  previewSettings,
  withoutSecrets,
} from './deploy/deploy-settings.ts';
import { maskConnectionString } from './deploy/github-actions.ts';
import { neonApi } from './deploy/neon-api.ts';
import { type PreviewBranch, preparePreviewBranch } from './deploy/preview-branch.ts';
import { runCommand } from './deploy/run-command.ts';
import { deployWorker } from './deploy/wrangler-deploy.ts';

const { reuseBuild, appDir, root, gh, log, run } = deployScript();

let settings!: PreviewSettings;
let names!: ReturnType<typeof previewNames>;
let branch!: PreviewBranch;
let webhookSecret!: string;
/** What the build and the migrations see: the runner's environment without a deploy secret. */
let plainEnv!: NodeJS.ProcessEnv;

await run([
  [
    'Check the preview settings',
    async () => {
      settings = previewSettings(process.env);
      names = previewNames(settings.PR_NUMBER, settings.WORKERS_SUBDOMAIN);
      plainEnv = withoutSecrets(process.env, [
        'CLOUDFLARE_API_TOKEN',
        'NEON_API_KEY',
        'PREVIEW_UPSTASH_REDIS_REST_TOKEN',
        'PREVIEW_RESEND_API_KEY',
        'PREVIEW_STRIPE_SECRET_KEY',
      ]);
    },
  ],
  [
    `Neon branch for this pull request`,
    async () => {
      const neon = neonApi({
        apiKey: settings.NEON_API_KEY,
        projectId: settings.NEON_PROJECT_ID,
        baseUrl: settings.NEON_API_BASE_URL,
      });
      branch = await preparePreviewBranch(
        neon,
        {
          name: names.branch,
          parentName: settings.NEON_PREVIEW_PARENT_BRANCH,
          database: settings.NEON_DATABASE,
          role: settings.NEON_ROLE,
        },
        log,
      );
      // Before anything can print them.
      maskConnectionString(branch.direct, gh.mask);
      maskConnectionString(branch.pooled, gh.mask);
    },
  ],
  [
    'Migrate and seed the branch',
    async () => {
      const env = { ...plainEnv, DATABASE_URL: branch.direct };
      await runCommand('npm', ['run', 'db:migrate'], { cwd: root, env });
      await runCommand('npm', ['run', 'db:seed'], { cwd: root, env });
    },
  ],
  ['Build the Worker', () => buildWorker({ appDir, reuse: reuseBuild, env: plainEnv })],
  [
    'Stripe webhook endpoint for this preview',
    async () => {
      const endpoint = await replaceWebhookEndpoint({
        secretKey: settings.PREVIEW_STRIPE_SECRET_KEY,
        localApi: settings.STRIPE_LOCAL_API,
        url: `${names.url}/api/webhooks/stripe`,
        description: `Edgecart preview of pull request ${settings.PR_NUMBER}`,
      });
      gh.mask(endpoint.secret);
      webhookSecret = endpoint.secret;
      log(`Stripe webhook endpoint ${endpoint.id} → ${names.url}/api/webhooks/stripe`);
    },
  ],
  [
    'Deploy the preview Worker',
    () =>
      deployWorker(
        {
          env: 'preview',
          name: names.worker,
          // Its own cache keys in the Upstash database all previews share, and its URL.
          vars: { CACHE_PREFIX: names.cachePrefix, SITE_URL: names.url },
          message: `pr-${settings.PR_NUMBER}@${settings.HEAD_SHA}`,
          // DEPLOY_ENV=preview (wrangler.jsonc): the Worker refuses to start without these.
          secrets: {
            DATABASE_URL: branch.pooled,
            UPSTASH_REDIS_REST_URL: settings.PREVIEW_UPSTASH_REDIS_REST_URL,
            UPSTASH_REDIS_REST_TOKEN: settings.PREVIEW_UPSTASH_REDIS_REST_TOKEN,
            RESEND_API_KEY: settings.PREVIEW_RESEND_API_KEY,
            EMAIL_FROM: settings.EMAIL_FROM,
            STRIPE_SECRET_KEY: settings.PREVIEW_STRIPE_SECRET_KEY,
            STRIPE_WEBHOOK_SECRET: webhookSecret,
          },
        },
        // wrangler reads its token from the environment, and lets the environment
        // override the secrets file: no other secret is in it.
        { appDir, env: { ...plainEnv, CLOUDFLARE_API_TOKEN: settings.CLOUDFLARE_API_TOKEN } },
      ),
  ],
]);
gh.output('url', names.url);
gh.output('worker', names.worker);
gh.output('branch', names.branch);
gh.summary(
  `**Preview** of ${settings.HEAD_SHA}: ${names.url} (Worker \`${names.worker}\`, Neon branch \`${names.branch}\` ${branch.action} from \`${settings.NEON_PREVIEW_PARENT_BRANCH}\`).`,
);
console.log(`Deployed ${names.worker}: ${names.url}`);
