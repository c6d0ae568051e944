import Stripe from 'stripe';
import { stripeKeyMode } from './env.ts';
import {
  type CheckoutRequest,
  type CheckoutSession,
  InvalidWebhookError,
  type PaymentEvent,
  type Payments,
} from './payments.ts';

export interface StripePaymentsOptions {
  secretKey: string;
  webhookSecret: string;
  /** Stripe's API by default; the local payment stand-in in dev and tests. */
  api?: { host: string; port: number; protocol: 'http' | 'https' } | undefined;
}

const orderIdOf = (metadata: Stripe.Metadata | null | undefined) => metadata?.order_id ?? null;
const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** What a verified Stripe event means for the shop. */
export function paymentEventOf(event: Stripe.Event): PaymentEvent {
  const eventId = event.id;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // Completed with a delayed method (bank debit): wait for async_payment_succeeded.
      if (session.payment_status !== 'paid') return { eventId, kind: 'ignored', type: event.type };
      return {
        eventId,
        kind: 'checkout-paid',
        orderId: orderIdOf(session.metadata),
        sessionId: session.id,
        paymentIntentId: idOf(session.payment_intent),
        amount: session.amount_total ?? 0,
        currency: (session.currency ?? '').toUpperCase(),
        email: session.customer_details?.email ?? session.customer_email ?? null,
      };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = event.data.object;
      return {
        eventId,
        kind: event.type === 'checkout.session.expired' ? 'checkout-expired' : 'checkout-failed',
        orderId: orderIdOf(session.metadata),
        sessionId: session.id,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        eventId,
        kind: 'refunded',
        orderId: orderIdOf(charge.metadata),
        paymentIntentId: idOf(charge.payment_intent),
        amount: charge.amount,
        amountRefunded: charge.amount_refunded,
        currency: charge.currency.toUpperCase(),
      };
    }
    default:
      return { eventId, kind: 'ignored', type: event.type };
  }
}

/** Stripe through its official SDK: fetch for HTTP, Web Crypto for signatures, so it runs in a Worker. */
export function createStripePayments(options: StripePaymentsOptions): Payments {
  const stripe = new Stripe(options.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(options.api ?? {}),
  });
  const crypto = Stripe.createSubtleCryptoProvider();
  // A live key's endpoint takes only live events, a test key's only test ones.
  const live = stripeKeyMode(options.secretKey) === 'live';
  return {
    provider: 'stripe',
    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const metadata = { order_id: request.orderId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: line.unitAmount,
              product_data: { name: line.name },
            },
          })),
          client_reference_id: request.orderId,
          metadata,
          // The charge carries the order id too, for charge.refunded.
          payment_intent_data: { metadata },
          ...(request.email ? { customer_email: request.email } : {}),
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url)
        throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { sessionId: session.id, url: session.url };
    },
    async expireCheckout(sessionId: string): Promise<'closed' | 'completed'> {
      const state = async () =>
        (await stripe.checkout.sessions.retrieve(sessionId)).status === 'complete'
          ? ('completed' as const)
          : ('closed' as const);
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === 'complete') return 'completed';
      if (session.status !== 'open') return 'closed';
      try {
        await stripe.checkout.sessions.expire(sessionId);
        return 'closed';
      } catch (error) {
        // Paid or expired in between: ask which.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return state();
        throw error;
      }
    },
    async refund(request) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentIntentId,
          amount: request.amount,
          metadata: { order_id: request.orderId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { refundId: refund.id };
    },
    async parseWebhook(rawBody: string, signature: string | null): Promise<PaymentEvent> {
      if (!signature) throw new InvalidWebhookError('No Stripe-Signature header.');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signature,
          options.webhookSecret,
          undefined,
          crypto,
        );
      } catch (error) {
        throw new InvalidWebhookError(
          error instanceof Error ? error.message : 'The signature does not match.',
          { cause: error },
        );
      }
      // Signed by this endpoint's secret, yet of the other mode: a test payment must never
      // mark a live order paid (nor the other way round). Refused like a bad signature.
      if (event.livemode !== live) {
        throw new InvalidWebhookError(
          `A ${event.livemode ? 'live' : 'test'}-mode event reached an endpoint with a ${live ? 'live' : 'test'}-mode key.`,
        );
      }
      return paymentEventOf(event);
    },
  };
}
