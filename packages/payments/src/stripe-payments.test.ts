import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type StripeStandIn, signStripePayload, startStripeStandIn } from '@edgecart/dev-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeKeyMode } from './env.ts';
import { InvalidWebhookError, type PaymentEvent } from './payments.ts';
import { createStripePayments } from './stripe-payments.ts';

let standIn: StripeStandIn;
let receiver: Server;
/** What the test's webhook endpoint parsed. */
const received: (PaymentEvent | { error: string })[] = [];
/** Deliveries about this checkout that the endpoint refuses with a 503 first. */
let refused: { sessionId: string; times: number } | null = null;

const payments = () =>
  createStripePayments({
    secretKey: standIn.secretKey,
    webhookSecret: standIn.webhookSecret,
    api: { host: standIn.host, port: standIn.port, protocol: 'http' },
  });

beforeAll(async () => {
  standIn = await startStripeStandIn({ retryDelaysMs: [50, 100, 200] });
  receiver = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = await payments().parseWebhook(
        body,
        String(request.headers['stripe-signature'] ?? ''),
      );
      received.push(event);
      if (refused && 'sessionId' in event && event.sessionId === refused.sessionId) {
        if (refused.times > 0) {
          refused.times -= 1;
          response.writeHead(503).end();
          return;
        }
      }
      response.writeHead(200).end();
    } catch (error) {
      received.push({ error: error instanceof Error ? error.name : String(error) });
      response.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  standIn.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`);
});
afterAll(async () => {
  await standIn?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/**
 * One expiry for every request: a retry repeats its parameters exactly (a
 * time taken at each call would differ across a second boundary, and Stripe
 * refuses an idempotency key reused with other parameters).
 */
const EXPIRES_AT = new Date(Math.floor(Date.now() / 1000) * 1000 + 31 * 60_000);

const request = (
  orderId: string,
  overrides: Partial<Parameters<ReturnType<typeof payments>['createCheckout']>[0]> = {},
) => ({
  orderId,
  currency: 'EUR',
  lines: [
    { name: 'Tent, 2 person', unitAmount: 12_500, quantity: 1 },
    { name: 'Stakes', unitAmount: 250, quantity: 4 },
  ],
  email: 'ann@example.com',
  shipping: null,
  tax: null,
  discount: null,
  successUrl: 'http://shop.test/checkout/success?session_id={CHECKOUT_SESSION_ID}',
  cancelUrl: 'http://shop.test/cart',
  expiresAt: EXPIRES_AT,
  idempotencyKey: `checkout/${orderId}`,
  ...overrides,
});

describe('Stripe Checkout through the real SDK, on the payment stand-in', () => {
  it('creates a session from server prices with the order id, once per idempotency key', async () => {
    const orderId = crypto.randomUUID();
    const first = await payments().createCheckout(request(orderId));
    expect(first.url).toBe(`${standIn.url}/pay/${first.sessionId}`);
    const session = standIn.session(first.sessionId);
    expect(session).toMatchObject({
      amount_total: 13_500,
      currency: 'eur',
      client_reference_id: orderId,
      metadata: { order_id: orderId },
      customer_email: 'ann@example.com',
      status: 'open',
    });
    expect(await payments().createCheckout(request(orderId))).toEqual(first);
    await expect(
      payments().createCheckout(
        request(orderId, { lines: [{ name: 'Tent', unitAmount: 1, quantity: 1 }] }),
      ),
    ).rejects.toThrow(/same parameters/);
  });

  it('refuses an expiry Stripe would refuse', async () => {
    await expect(
      payments().createCheckout(
        request(crypto.randomUUID(), { expiresAt: new Date(Date.now() + 60_000) }),
      ),
    ).rejects.toThrow(/expires_at/);
  });

  it('delivers a signed checkout-paid event that parses to the order, the amount and the email', async () => {
    const orderId = crypto.randomUUID();
    const { sessionId } = await payments().createCheckout(request(orderId));
    standIn.pay(sessionId, 'guest@example.com');
    await standIn.idle();
    expect(received).toContainEqual({
      eventId: expect.stringMatching(/^evt_/),
      kind: 'checkout-paid',
      orderId,
      sessionId,
      paymentIntentId: expect.stringMatching(/^pi_/),
      amount: 13_500,
      currency: 'EUR',
      email: 'guest@example.com',
      subtotal: 13_500,
      discount: 0,
      shipping: null,
      tax: 0,
      shippingDetails: null,
    });
  });

  it("offers the shop's shipping options and charges the chosen one, with tax on top", async () => {
    const orderId = crypto.randomUUID();
    const checkout = await payments().createCheckout(
      request(orderId, {
        currency: 'USD',
        lines: [{ name: 'Lantern', unitAmount: 4_000, quantity: 2, taxCode: 'txcd_99999999' }],
        shipping: {
          allowedCountries: ['US', 'CA'],
          options: [
            { rateId: 'rate-standard', name: 'Standard', amount: 600, minDays: 3, maxDays: 5 },
            { rateId: 'rate-express', name: 'Express', amount: 1_800, minDays: 1, maxDays: 2 },
          ],
        },
        tax: { behavior: 'exclusive', shippingTaxCode: 'txcd_92010001' },
      }),
    );
    expect(checkout.shippingRateIds).toHaveLength(2);
    const session = standIn.session(checkout.sessionId);
    expect(session?.shipping_address_collection).toEqual({ allowed_countries: ['US', 'CA'] });
    expect(session?.shipping_options.map((o) => o.shipping_amount)).toEqual([600, 1_800]);
    expect(session?.automatic_tax.enabled).toBe(true);

    const address = {
      line1: '1 Main St',
      line2: null,
      city: 'Austin',
      state: 'TX',
      postal_code: '78701',
      country: 'US',
    };
    expect(() =>
      standIn.pay(checkout.sessionId, {
        shipping: { name: 'Ann', address: { ...address, country: 'FR' } },
      }),
    ).toThrow(/does not ship to FR/);
    standIn.pay(checkout.sessionId, {
      email: 'ann@example.com',
      shipping: { name: 'Ann Lee', address },
      shippingRate: 'Express',
    });
    await standIn.idle();
    // Texas, 6.25 % on 8,000 of items and 1,800 of shipping: 500 + 113.
    expect(received).toContainEqual(
      expect.objectContaining({
        kind: 'checkout-paid',
        orderId,
        subtotal: 8_000,
        shipping: { amount: 1_800, providerRateId: checkout.shippingRateIds[1] },
        tax: 613,
        amount: 8_000 + 1_800 + 613,
        shippingDetails: {
          name: 'Ann Lee',
          address: {
            line1: '1 Main St',
            line2: null,
            city: 'Austin',
            state: 'TX',
            postalCode: '78701',
            country: 'US',
          },
        },
      }),
    );
  });

  it("takes the shop's discount off as a one-off coupon, with tax on what is left", async () => {
    const orderId = crypto.randomUUID();
    const discounted = request(orderId, {
      currency: 'USD',
      lines: [{ name: 'Lantern', unitAmount: 4_000, quantity: 2 }],
      shipping: {
        allowedCountries: ['US'],
        options: [{ rateId: 'rate-free', name: 'Standard', amount: 0, minDays: 3, maxDays: 5 }],
      },
      tax: { behavior: 'exclusive', shippingTaxCode: 'txcd_92010001' },
      discount: { amount: 1_200, name: 'SPRING15' },
    });
    const checkout = await payments().createCheckout(discounted);
    // A retry makes no second coupon and no second session.
    expect(await payments().createCheckout(discounted)).toEqual(checkout);
    const session = standIn.session(checkout.sessionId);
    expect(session?.discounts).toEqual([{ coupon: expect.any(String), promotion_code: null }]);
    expect(session?.amount_total).toBe(8_000 - 1_200);
    standIn.pay(checkout.sessionId, {
      email: 'ann@example.com',
      shipping: {
        name: 'Ann Lee',
        address: {
          line1: '1 Main St',
          line2: null,
          city: 'Austin',
          state: 'TX',
          postal_code: '78701',
          country: 'US',
        },
      },
    });
    await standIn.idle();
    // Texas, 6.25 % on the 6,800 left after the discount: 425.
    expect(received).toContainEqual(
      expect.objectContaining({
        kind: 'checkout-paid',
        orderId,
        subtotal: 8_000,
        discount: 1_200,
        tax: 425,
        amount: 8_000 - 1_200 + 425,
      }),
    );
  });

  it('counts tax inside inclusive prices without adding it', async () => {
    const { sessionId } = await payments().createCheckout(
      request(crypto.randomUUID(), {
        lines: [{ name: 'Tent', unitAmount: 12_100, quantity: 1 }],
        shipping: {
          allowedCountries: ['NL'],
          options: [{ rateId: 'rate-eu', name: 'Post', amount: 0, minDays: 2, maxDays: 4 }],
        },
        tax: { behavior: 'inclusive', shippingTaxCode: 'txcd_92010001' },
      }),
    );
    standIn.pay(sessionId, {
      shipping: {
        name: 'Ann',
        address: {
          line1: 'Damrak 1',
          line2: null,
          city: 'Amsterdam',
          state: null,
          postal_code: '1012',
          country: 'NL',
        },
      },
    });
    await standIn.idle();
    // 21 % inside 12,100: 2,100.
    expect(received).toContainEqual(
      expect.objectContaining({ sessionId, subtotal: 12_100, tax: 2_100, amount: 12_100 }),
    );
  });

  it('expires an open session, which sends checkout-expired; a paid one is left alone and said so', async () => {
    const orderId = crypto.randomUUID();
    const { sessionId } = await payments().createCheckout(request(orderId));
    expect(await payments().expireCheckout(sessionId)).toBe('closed');
    expect(await payments().expireCheckout(sessionId)).toBe('closed');
    await standIn.idle();
    expect(
      received.filter(
        (e) => 'kind' in e && e.kind === 'checkout-expired' && e.sessionId === sessionId,
      ),
    ).toHaveLength(1);
    const paid = await payments().createCheckout(request(crypto.randomUUID()));
    standIn.pay(paid.sessionId);
    expect(await payments().expireCheckout(paid.sessionId)).toBe('completed');
    expect(standIn.session(paid.sessionId)?.status).toBe('complete');
  });

  it('retries a delivery the app answered with 5xx, as Stripe does', async () => {
    const { sessionId } = await payments().createCheckout(request(crypto.randomUUID()));
    refused = { sessionId, times: 2 };
    standIn.pay(sessionId);
    await standIn.idle();
    refused = null;
    const event = standIn.events.find((e) => (e.data.object as { id: string }).id === sessionId);
    const attempts = standIn.deliveries.filter((d) => d.eventId === event?.id);
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 200]);
  });

  it('refuses a forged, tampered, foreign or stale signature', async () => {
    const event = standIn.events.at(-1);
    const body = JSON.stringify(event);
    const p = payments();
    const cases = [
      null,
      't=1,v1=deadbeef',
      signStripePayload(body, 'whsec_someone_else'),
      signStripePayload(body, standIn.webhookSecret, Math.floor(Date.now() / 1000) - 600),
    ];
    for (const signature of cases) {
      await expect(p.parseWebhook(body, signature)).rejects.toBeInstanceOf(InvalidWebhookError);
    }
    const valid = signStripePayload(body, standIn.webhookSecret);
    await expect(
      p.parseWebhook(body.replace('"livemode":false', '"livemode":true'), valid),
    ).rejects.toBeInstanceOf(InvalidWebhookError);
    await expect(p.parseWebhook(body, valid)).resolves.toMatchObject({ eventId: event?.id });
  });

  it('refuses a well-signed event of the other mode: test events at a live key, live ones at a test key', async () => {
    const event = standIn.events.at(-1);
    expect(event?.livemode).toBe(false);
    const testBody = JSON.stringify(event);
    const liveBody = JSON.stringify({ ...event, livemode: true });
    const sign = (body: string) => signStripePayload(body, standIn.webhookSecret);
    const live = createStripePayments({
      secretKey: 'rk_live_edgecart_not_a_key',
      webhookSecret: standIn.webhookSecret,
    });
    await expect(payments().parseWebhook(liveBody, sign(liveBody))).rejects.toThrow(
      /live-mode event reached an endpoint with a test-mode key/,
    );
    await expect(live.parseWebhook(testBody, sign(testBody))).rejects.toBeInstanceOf(
      InvalidWebhookError,
    );
    await expect(live.parseWebhook(liveBody, sign(liveBody))).resolves.toMatchObject({
      eventId: event?.id,
    });
    await expect(payments().parseWebhook(testBody, sign(testBody))).resolves.toMatchObject({
      eventId: event?.id,
    });
  });
});

describe('stripeKeyMode', () => {
  it('tells live keys from test keys, secret or restricted', () => {
    expect(['sk_live_a', 'rk_live_a', 'sk_test_a', 'rk_test_a'].map(stripeKeyMode)).toEqual([
      'live',
      'live',
      'test',
      'test',
    ]);
    expect(['pk_live_a', 'sk_a', 'whsec_a', '', undefined].map(stripeKeyMode)).toEqual(
      Array(5).fill(null),
    );
  });
});
