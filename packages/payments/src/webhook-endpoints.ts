import Stripe from 'stripe';

/** The events the webhook route acts on (`stripe-payments.ts` `toPaymentEvent`). */
export const handledStripeEvents = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
] as const satisfies Stripe.WebhookEndpointCreateParams.EnabledEvent[];

export interface WebhookEndpointsOptions {
  secretKey: string;
  /** host:port of the local payment stand-in (the deploy rehearsal); unset for Stripe. */
  localApi?: string | undefined;
}

function client({ secretKey, localApi }: WebhookEndpointsOptions): Stripe {
  const [host, port] = localApi?.split(':') ?? [];
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(host && port ? { host, port: Number(port), protocol: 'http' as const } : {}),
  });
}

async function endpointsAt(stripe: Stripe, url: string): Promise<Stripe.WebhookEndpoint[]> {
  const found: Stripe.WebhookEndpoint[] = [];
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.url === url) found.push(endpoint);
  }
  return found;
}

/**
 * Gives a preview its own webhook endpoint, so that every preview receives its
 * own Stripe events: deletes the endpoints already pointing at `url` and makes
 * a new one, returning its signing secret (Stripe shows a secret only once,
 * when the endpoint is created). Test-mode keys only.
 */
export async function replaceWebhookEndpoint(
  options: WebhookEndpointsOptions & { url: string; description: string },
): Promise<{ id: string; secret: string }> {
  const stripe = client(options);
  for (const old of await endpointsAt(stripe, options.url)) {
    await stripe.webhookEndpoints.del(old.id);
  }
  const created = await stripe.webhookEndpoints.create({
    url: options.url,
    enabled_events: [...handledStripeEvents],
    description: options.description,
  });
  if (!created.secret) throw new Error('Stripe created a webhook endpoint without a secret');
  return { id: created.id, secret: created.secret };
}

/** Deletes every webhook endpoint pointing at `url`; answers how many there were. */
export async function deleteWebhookEndpoints(
  options: WebhookEndpointsOptions & { url: string },
): Promise<number> {
  const stripe = client(options);
  const found = await endpointsAt(stripe, options.url);
  for (const endpoint of found) await stripe.webhookEndpoints.del(endpoint.id);
  return found.length;
}
