import { env } from '~/env';
import { getDb } from '~/server/db';
import { getEmailSender } from '~/server/email';
import { isInternalRequest } from '~/server/internal-requests';
import { deliverOutbox } from '~/server/outbox-delivery';
import { requestIdFrom } from '~/server/request-id';

/** The Worker's scheduled run (or `npm run dev`'s timer) delivers the outbox here; from anywhere else, 404. */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const sender = getEmailSender();
  if (sender) {
    const requestId = requestIdFrom(request.headers);
    await deliverOutbox(await getDb(), sender, { trigger: 'scheduled', requestId });
  }
  return new Response(null, { status: 204 });
}
