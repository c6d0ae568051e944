import {
  AnalyticsQueryError,
  announceCatalogChange,
  checkAlerts,
  cleanUnusedMedia,
  continueCatalogImports,
  enforceRetention,
} from '@edgecart/core';
import { env } from '~/env';
import { logError } from '~/server/http/log-error';
import { webhookNotifier } from '~/server/metrics/webhook-notifier';
import { requestServices } from '~/server/services/request-services';
import { isInternalRequest } from '~/server/worker-entry/internal-requests';

/**
 * The scheduled run's housekeeping: carries on catalog imports being applied
 * (and deletes those a month old), removes uploaded photos that no product
 * has shown for a day, and strays in the media bucket, then what the shop no
 * longer keeps (expired sessions and links, idle guest carts, old emails and
 * payment events: RETENTION in core, docs/operations.md), and the alerts. The Worker's
 * scheduled run (or `npm run dev`'s timer) calls it; from anywhere else, 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const { db, requestId, now, media, origin, catalogCache, analytics } =
    await requestServices(request);
  const bucket = await media();
  // Imports being applied go on a few batches at a time (their page carries on too).
  const imports = await continueCatalogImports(
    {
      db,
      now: now(),
      actor: 'system:housekeeping',
      origin,
      imageHosts: env.IMPORT_IMAGE_HOSTS,
      bucket,
    },
    10_000,
  );
  if (imports.length > 0) await announceCatalogChange(catalogCache);
  const { removed } = await cleanUnusedMedia({ db, bucket, now: now() });
  if (removed.length > 0) {
    console.log(
      JSON.stringify({ level: 'info', msg: 'removed unused photos', requestId, removed }),
    );
  }
  const retention = await enforceRetention({ db, now: now() });
  if (Object.values(retention).some((count) => count > 0)) {
    console.log(JSON.stringify({ level: 'info', msg: 'retention', requestId, ...retention }));
  }
  const alerts = analytics ? await runAlerts(analytics, db, origin, now(), requestId) : null;
  return Response.json({ removedPhotos: removed.length, imports, retention, alerts });
}

/**
 * Compares the last window's metrics with the thresholds (ALERT_THRESHOLDS)
 * and posts each incident to ALERT_WEBHOOK_URL once when it opens and once
 * when it is resolved. Metrics the API cannot give now are a warning: the
 * next run looks again.
 */
async function runAlerts(
  analytics: NonNullable<Awaited<ReturnType<typeof requestServices>>['analytics']>,
  db: Awaited<ReturnType<typeof requestServices>>['db'],
  origin: string,
  now: Date,
  requestId: string,
) {
  try {
    const run = await checkAlerts({
      db,
      reader: analytics.reader,
      dataset: analytics.dataset,
      thresholds: env.ALERT_THRESHOLDS,
      notifier: env.ALERT_WEBHOOK_URL ? webhookNotifier(env.ALERT_WEBHOOK_URL) : null,
      dashboardUrl: `${origin}/admin/metrics`,
      now,
    });
    if (run.opened.length + run.resolved.length + run.unsent > 0) {
      const level = run.unsent > 0 || run.opened.length > 0 ? 'warn' : 'info';
      (level === 'warn' ? console.warn : console.log)(
        JSON.stringify({ level, msg: 'alerts', requestId, ...run }),
      );
    }
    return run;
  } catch (error) {
    if (!(error instanceof AnalyticsQueryError)) throw error;
    logError({ level: 'warn', msg: 'alerts could not read the metrics', requestId }, error);
    return null;
  }
}
