import { applyPaymentEvent, withStockAnnounced } from '@edgecart/core';
import { InvalidWebhookError } from '@edgecart/payments';
import { logError } from '~/server/http/log-error';
import { requestServices } from '~/server/services/request-services';

/**
 * Stripe's events. The raw body is verified against its signature first: a
 * bad or stale one gets 400 and nothing is written. A verified event is
 * applied exactly once (core's applyPaymentEvent); 200 means applied or
 * deliberately ignored. Any failure is a 5xx, so that Stripe delivers it again.
 */
export async function POST(request: Request): Promise<Response> {
  const { db, requestId, payments, catalogCache, origin, now, emailQueued, metrics } =
    await requestServices(request);
  if (!payments) return Response.json({ error: 'Payments are not configured.' }, { status: 404 });
  const body = await request.text();
  let event: Awaited<ReturnType<typeof payments.parseWebhook>>;
  try {
    event = await payments.parseWebhook(body, request.headers.get('stripe-signature'));
  } catch (error) {
    if (!(error instanceof InvalidWebhookError)) throw error;
    logError({ level: 'warn', msg: 'webhook refused', requestId }, error);
    metrics.record('webhook.refused', { reason: 'signature' });
    return Response.json({ error: 'The signature is not valid.', requestId }, { status: 400 });
  }
  // An expiry gave stock back, a late payment took it again: the catalog shows it now.
  const outcome = await withStockAnnounced(db, catalogCache, (stockChanges) =>
    applyPaymentEvent({ db, now: now(), origin, stockChanges }, event),
  );
  if (outcome === 'paid') {
    emailQueued();
    metrics.record(
      'checkout.paid',
      event.kind === 'checkout-paid' ? { amount: event.amount, currency: event.currency } : {},
    );
  }
  if (outcome === 'needs_review') metrics.record('order.needs_review', { reason: event.kind });
  if (event.kind === 'checkout-failed' && outcome !== 'duplicate') {
    metrics.record('checkout.failed', { reason: 'payment_failed' });
  }
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'payment event',
      requestId,
      eventId: event.eventId,
      kind: event.kind,
      outcome,
    }),
  );
  return Response.json({ received: true, outcome });
}
