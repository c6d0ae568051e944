/**
 * `npm run deploy:close-preview -w @edgecart/web`: what closing a pull request
 * does (.github/workflows/preview.yml). Deletes the preview's Worker, its Neon
 * branch and its Stripe webhook endpoint; each step runs even if another
 * failed, and finding nothing to delete is not a failure, so it can be re-run.
 */
import { deleteWebhookEndpoints } from '@edgecart/payments/webhook-endpoints';
import { deleteWorker } from './deploy/cloudflare-workers.ts';
import { closeSettings, previewNames } from './deploy/deploy-settings.ts';
import { actions } from './deploy/github-actions.ts';
import { neonApi } from './deploy/neon-api.ts';
import { removePreviewBranch } from './deploy/preview-branch.ts';
import { runSteps } from './deploy/steps.ts';

const gh = actions();
const log = (line: string) => console.log(line);
let settings: ReturnType<typeof closeSettings>;
try {
  settings = closeSettings(process.env);
} catch (error) {
  gh.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const names = previewNames(settings.PR_NUMBER, settings.WORKERS_SUBDOMAIN);

const results = await Promise.all([
  runSteps(
    [
      [
        `Delete the Worker ${names.worker}`,
        async () => {
          const deleted = await deleteWorker({
            apiBaseUrl: settings.CLOUDFLARE_API_BASE_URL,
            apiToken: settings.CLOUDFLARE_API_TOKEN,
            accountId: settings.CLOUDFLARE_ACCOUNT_ID,
            name: names.worker,
          });
          log(
            deleted
              ? `Deleted the Worker ${names.worker}.`
              : `No Worker ${names.worker} to delete.`,
          );
        },
      ],
    ],
    { out: log, error: gh.error },
  ),
  runSteps(
    [
      [
        `Delete the Neon branch ${names.branch}`,
        async () => {
          const neon = neonApi({
            apiKey: settings.NEON_API_KEY,
            projectId: settings.NEON_PROJECT_ID,
            baseUrl: settings.NEON_API_BASE_URL,
          });
          await removePreviewBranch(neon, names.branch, log);
        },
      ],
    ],
    { out: log, error: gh.error },
  ),
  runSteps(
    [
      [
        'Delete the Stripe webhook endpoint',
        async () => {
          const count = await deleteWebhookEndpoints({
            secretKey: settings.PREVIEW_STRIPE_SECRET_KEY,
            localApi: settings.STRIPE_LOCAL_API,
            url: `${names.url}/api/webhooks/stripe`,
          });
          log(`Deleted ${count} Stripe webhook endpoint(s) of ${names.url}.`);
        },
      ],
    ],
    { out: log, error: gh.error },
  ),
]);
if (results.includes(false)) process.exit(1);
