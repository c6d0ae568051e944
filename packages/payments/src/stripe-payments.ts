import Stripe from 'stripe';
import { stripeKeyMode } from './env.ts';
import {
  type CheckoutRequest,
  type CheckoutSession,
  type CollectedAddress,
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

/** A Stripe address, as the shop keeps it; null when it names no country (it was not collected). */
function collectedAddress(address: Stripe.Address | null | undefined): CollectedAddress | null {
  if (!address?.country) return null;
  return {
    line1: address.line1 ?? '',
    line2: address.line2 || null,
    city: address.city ?? '',
    state: address.state || null,
    postalCode: address.postal_code || null,
    country: address.country.toUpperCase(),
  };
}

/** The amounts and the shipping of a paid session, as the shop checks them against the order. */
function paidDetails(session: Stripe.Checkout.Session) {
  const details = session.collected_information?.shipping_details;
  const address = collectedAddress(details?.address);
  return {
    subtotal: session.amount_subtotal ?? 0,
    discount: session.total_details?.amount_discount ?? 0,
    shipping: session.shipping_cost
      ? {
          amount: session.shipping_cost.amount_subtotal,
          providerRateId: idOf(session.shipping_cost.shipping_rate),
        }
      : null,
    tax: session.total_details?.amount_tax ?? 0,
    shippingDetails: details && address ? { name: details.name, address } : null,
  };
}

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
        ...paidDetails(session),
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
      const currency = request.currency.toLowerCase();
      const { tax, shipping, discount } = request;
      const expiresAt = Math.floor(request.expiresAt.getTime() / 1000);
      // A one-off coupon for this order's discount, worked out by the shop (see the README's
      // "Promotions"): the page shows one discount line and Stripe Tax taxes what is left.
      const coupon = discount
        ? await stripe.coupons.create(
            {
              amount_off: discount.amount,
              currency,
              duration: 'once',
              max_redemptions: 1,
              redeem_by: expiresAt,
              name: discount.name.slice(0, 40),
              metadata,
            },
            { idempotencyKey: `${request.idempotencyKey}/coupon` },
          )
        : null;
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency,
              unit_amount: line.unitAmount,
              product_data: {
                name: line.name,
                ...(tax && line.taxCode ? { tax_code: line.taxCode } : {}),
              },
              ...(tax ? { tax_behavior: tax.behavior } : {}),
            },
          })),
          ...(tax ? { automatic_tax: { enabled: true } } : {}),
          ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
          ...(shipping
            ? {
                shipping_address_collection: {
                  allowed_countries:
                    shipping.allowedCountries as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[],
                },
                shipping_options: shipping.options.map((option) => ({
                  shipping_rate_data: {
                    type: 'fixed_amount' as const,
                    display_name: option.name,
                    fixed_amount: { amount: option.amount, currency },
                    delivery_estimate: {
                      minimum: { unit: 'business_day' as const, value: option.minDays },
                      maximum: { unit: 'business_day' as const, value: option.maxDays },
                    },
                    metadata: { rate_id: option.rateId },
                    ...(tax ? { tax_behavior: tax.behavior, tax_code: tax.shippingTaxCode } : {}),
                  },
                })),
              }
            : {}),
          client_reference_id: request.orderId,
          metadata,
          // The charge carries the order id too, for charge.refunded.
          payment_intent_data: { metadata },
          ...(request.email ? { customer_email: request.email } : {}),
          expires_at: expiresAt,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url)
        throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      const shippingRateIds = (session.shipping_options ?? []).map(
        (option) => idOf(option.shipping_rate) ?? '',
      );
      if (shipping && shippingRateIds.length !== shipping.options.length) {
        throw new Error(
          `Stripe returned checkout session ${session.id} with ${shippingRateIds.length} shipping options, not ${shipping.options.length}`,
        );
      }
      return { sessionId: session.id, url: session.url, shippingRateIds };
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
