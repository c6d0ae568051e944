import { sweepExpiredOrders, withStockAnnounced } from '@edgecart/core';
import { env } from '~/env';
import { logError } from '~/server/http/log-error';
import { requestServices } from '~/server/services/request-services';
import { isInternalRequest } from '~/server/worker-entry/internal-requests';

/**
 * Cancels pending orders past their hold and releases their stock. The
 * Worker's scheduled run (or `npm run dev`'s timer) calls it; from anywhere
 * else, 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request, env.INTERNAL_CRON_SECRET)) {
    return new Response('Not found', { status: 404 });
  }
  const { db, requestId, payments, catalogCache, now } = await requestServices(request);
  // Their stock is back on the shelves: the catalog shows it now.
  const { cancelled } = await withStockAnnounced(db, catalogCache, (stockChanges) =>
    sweepExpiredOrders({ db, now: now(), stockChanges }, async (sessionId) => {
      if (!payments) return 'closed';
      // A page that cannot be closed now expires by itself within minutes; a payment on it
      // after the order is cancelled takes the stock again (or asks for review).
      return payments.expireCheckout(sessionId).catch((error: unknown) => {
        logError({ level: 'warn', msg: 'could not close a payment page', requestId }, error);
        return 'closed' as const;
      });
    }),
  );
  if (cancelled.length > 0) {
    console.log(
      JSON.stringify({ level: 'info', msg: 'swept expired orders', requestId, cancelled }),
    );
  }
  return Response.json({ cancelled: cancelled.length });
}
