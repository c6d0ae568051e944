import {
  announceCatalogChange,
  cleanUnusedMedia,
  continueCatalogImports,
  enforceRetention,
} from '@edgecart/core';
import { env } from '~/env';
import { requestServices } from '~/server/services/request-services';
import { isInternalRequest } from '~/server/worker-entry/internal-requests';

/**
 * The scheduled run's housekeeping: carries on catalog imports being applied
 * (and deletes those a month old), removes uploaded photos that no product
 * has shown for a day, and strays in the media bucket, then what the shop no
 * longer keeps (expired sessions and links, idle guest carts, old emails and
 * payment events: RETENTION in core, docs/operations.md). The Worker's
 * scheduled run (or `npm run dev`'s timer) calls it; from anywhere else, 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const { db, requestId, now, media, origin, catalogCache } = await requestServices(request);
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
  return Response.json({ removedPhotos: removed.length, imports, retention });
}
