import { cleanUnusedMedia } from '@edgecart/core';
import { env } from '~/env';
import { requestServices } from '~/server/services/request-services';
import { isInternalRequest } from '~/server/worker-entry/internal-requests';

/**
 * The scheduled run's housekeeping: removes uploaded photos that no product
 * has shown for a day, and strays in the media bucket. The Worker's
 * scheduled run (or `npm run dev`'s timer) calls it; from anywhere else, 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const { db, requestId, now, media } = await requestServices(request);
  const { removed } = await cleanUnusedMedia({ db, bucket: await media(), now: now() });
  if (removed.length > 0) {
    console.log(
      JSON.stringify({ level: 'info', msg: 'removed unused photos', requestId, removed }),
    );
  }
  return Response.json({ removedPhotos: removed.length });
}
