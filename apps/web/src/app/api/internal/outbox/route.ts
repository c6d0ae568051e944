import { env } from '~/env';
import { getEmailSender } from '~/server/services/email';
import { deliverOutbox } from '~/server/services/outbox-delivery';
import { requestServices } from '~/server/services/request-services';
import { isInternalRequest } from '~/server/worker-entry/internal-requests';

/** The Worker's scheduled run (or `npm run dev`'s timer) delivers the outbox here; from anywhere else, 404. */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const sender = getEmailSender();
  if (sender) {
    const { db, requestId, metrics } = await requestServices(request);
    await deliverOutbox(db, sender, { trigger: 'scheduled', requestId }, metrics);
  }
  return new Response(null, { status: 204 });
}
