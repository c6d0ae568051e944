import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocal } from './listen-local.ts';
import {
  couponAmount,
  createCoupon,
  redeemCoupon,
  type StandInCoupon,
  sessionCoupon,
} from './stripe-coupons.ts';
import { invalidParam, StripeError } from './stripe-error.ts';
import { type FormObject, type FormValue, obj, parseStripeForm, str } from './stripe-form.ts';
import {
  allowedCountriesOf,
  type CollectedShipping,
  collectedShippingOf,
  type StandInShippingRate,
  settleAmounts,
  shippingRatesOf,
  type TaxBehavior,
  taxBehaviorOf,
} from './stripe-shipping-tax.ts';

/** The API version the stand-in stamps on its events (stripe-node 23's default). */
export const STAND_IN_API_VERSION = '2026-10-28.endive';

export interface CheckoutSession {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  automatic_tax: { enabled: boolean; liability: null; status: 'complete' | null };
  shipping_address_collection: { allowed_countries: string[] } | null;
  shipping_options: { shipping_amount: number; shipping_rate: string }[];
  /** The chosen option (the first until the shopper picks one). */
  shipping_cost: {
    amount_subtotal: number;
    amount_tax: number;
    amount_total: number;
    shipping_rate: string;
  } | null;
  collected_information: {
    business_name: null;
    individual_name: null;
    shipping_details: CollectedShipping | null;
  } | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  /** The coupon applied (one at most). */
  discounts: { coupon: string; promotion_code: null }[];
  /** Not part of Stripe's object: the coupon behind `discounts`. */
  coupon_for_page: StandInCoupon | null;
  /** Not part of Stripe's object: what the hosted page shows and the totals are worked from. */
  line_items_for_page: {
    name: string;
    unit_amount: number;
    quantity: number;
    tax_behavior: TaxBehavior;
  }[];
  /** Not part of Stripe's object: the session's shipping rates, in its order. */
  shipping_rates_for_page: StandInShippingRate[];
}

/** What paying a session gives besides the card: as the hosted page's form does. */
export interface PayDetails {
  email?: string | undefined;
  /** Required when the session collects a shipping address. */
  shipping?: CollectedShipping | undefined;
  /** The chosen option, by its `shr_` id or display name; the first when unset. */
  shippingRate?: string | undefined;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface StripeStandIn {
  /** Base URL; the SDK takes `host`, `port` and `protocol` separately. */
  url: string;
  host: string;
  port: number;
  protocol: 'http';
  secretKey: string;
  webhookSecret: string;
  /** Where signed events are delivered (the app's `/api/webhooks/stripe`). */
  setWebhookUrl: (url: string | null) => void;
  session: (id: string) => CheckoutSession | undefined;
  /**
   * Completes a session as the hosted page's Pay button does: with an email,
   * or the page's details (a shipping address is required when the session
   * collects one). Throws what the page would show instead.
   */
  pay: (id: string, details?: string | PayDetails) => void;
  /** Expires an open session as its timer (or the page's "Let it expire") does. */
  expire: (id: string) => void;
  /** Every event made so far, oldest first. */
  events: StripeEvent[];
  /** Every delivery attempt: the event, the attempt number, the status answered (0: no answer). */
  deliveries: { eventId: string; attempt: number; status: number }[];
  /** Sends an event again, signed afresh (a retry or a duplicate); resolves with the status. */
  redeliver: (eventId: string) => Promise<number>;
  /** Webhook endpoints made through the API (`/v1/webhook_endpoints`), each with its own secret. */
  webhookEndpoints: Map<string, WebhookEndpoint>;
  /** Resolves once no delivery is waiting or in flight. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
}

/** A webhook endpoint as the API stores it; `secret` is shown only when it is created. */
export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  metadata: Record<string, string>;
  description: string | null;
  status: 'enabled';
  livemode: false;
  created: number;
  secret: string;
}

export interface StripeStandInOptions {
  secretKey?: string;
  /** The signing secret; the documented, obviously fake default when unset. */
  webhookSecret?: string;
  webhookUrl?: string;
  port?: number;
  /** Waits between delivery attempts while the app answers non-2xx (Stripe backs off over days). */
  retryDelaysMs?: number[];
}

/** The development webhook secret: documented in .env.example, never a real one. */
export const STAND_IN_WEBHOOK_SECRET = 'whsec_edgecart_local_stand_in_not_a_secret';
export const STAND_IN_SECRET_KEY = 'sk_test_edgecart_local_stand_in';

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  response.end(JSON.stringify(body));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Signs a payload the way Stripe does: `t=<unix>,v1=<HMAC-SHA256(secret, "<t>.<payload>")>`. */
export function signStripePayload(
  payload: string,
  secret: string,
  timestamp = nowSeconds(),
): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

function lineItemsOf(params: FormObject) {
  const raw = params.line_items;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new StripeError(
      400,
      'invalid_request_error',
      'Missing required param: line_items.',
      'line_items',
    );
  }
  return raw.map((value: FormValue, i) => {
    const item = obj(value);
    const price = obj(item.price_data);
    const product = obj(price.product_data);
    const quantity = Number(str(item.quantity));
    const unitAmount = Number(str(price.unit_amount));
    const currency = str(price.currency);
    const name = str(product.name);
    const at = `line_items[${i}]`;
    if (!currency || !/^[a-z]{3}$/i.test(currency)) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Invalid currency.',
        `${at}[price_data][currency]`,
      );
    }
    if (!Number.isInteger(unitAmount) || unitAmount < 0) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Invalid integer.',
        `${at}[price_data][unit_amount]`,
      );
    }
    if (!name) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Missing required param.',
        `${at}[price_data][product_data][name]`,
      );
    }
    if (!Number.isInteger(quantity) || quantity < 1) {
      throw new StripeError(400, 'invalid_request_error', 'Invalid quantity.', `${at}[quantity]`);
    }
    return {
      name,
      unit_amount: unitAmount,
      quantity,
      currency: currency.toLowerCase(),
      tax_behavior: taxBehaviorOf(price.tax_behavior, `${at}[price_data][tax_behavior]`),
    };
  });
}

/**
 * A local stand-in for the parts of Stripe the shop uses, spoken to by the
 * real `stripe` SDK (its `host`, `port` and `protocol` options): Checkout
 * Sessions create, retrieve and expire; refunds; Stripe's error shape and
 * idempotency keys; a hosted checkout page with Pay, Decline and "Let it
 * expire"; and signed events delivered to the app's webhook, retried with
 * back-off while it answers non-2xx. Dev and tests only.
 */
export async function startStripeStandIn(
  options: StripeStandInOptions = {},
): Promise<StripeStandIn> {
  const secretKey = options.secretKey ?? STAND_IN_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? STAND_IN_WEBHOOK_SECRET;
  const retryDelays = options.retryDelaysMs ?? [500, 1_000, 2_000, 4_000, 8_000, 16_000];
  let webhookUrl = options.webhookUrl ?? null;
  let base = '';
  const coupons = new Map<string, StandInCoupon>();
  const sessions = new Map<string, CheckoutSession>();
  const charges = new Map<
    string,
    {
      id: string;
      paymentIntent: string;
      amount: number;
      refunded: number;
      currency: string;
      metadata: Record<string, string>;
    }
  >();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const events: StripeEvent[] = [];
  const webhookEndpoints = new Map<string, WebhookEndpoint>();
  const deliveries: StripeStandIn['deliveries'] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  async function post(event: StripeEvent): Promise<number> {
    if (!webhookUrl) return 0;
    const payload = JSON.stringify(event);
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signStripePayload(payload, webhookSecret),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  function deliver(event: StripeEvent, attempt = 1): void {
    const run = (async () => {
      const status = await post(event);
      deliveries.push({ eventId: event.id, attempt, status });
      const delay = retryDelays[attempt - 1];
      if ((status < 200 || status >= 300) && delay !== undefined && !closed && webhookUrl) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          deliver(event, attempt + 1);
        }, delay);
        timers.add(timer);
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  function emit(type: string, object: unknown) {
    const event: StripeEvent = {
      id: id('evt'),
      object: 'event',
      api_version: STAND_IN_API_VERSION,
      created: nowSeconds(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(event);
    deliver(event);
    for (const endpoint of webhookEndpoints.values()) {
      if (endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(type)) {
        deliverToEndpoint(endpoint, event);
      }
    }
  }

  /** Once, without retries: an endpoint made through the API, signed with its own secret. */
  function deliverToEndpoint(endpoint: WebhookEndpoint, event: StripeEvent): void {
    const payload = JSON.stringify(event);
    const run = (async () => {
      let status = 0;
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'stripe-signature': signStripePayload(payload, endpoint.secret),
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {}
      deliveries.push({ eventId: event.id, attempt: 1, status });
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  function createWebhookEndpoint(params: Record<string, unknown>): WebhookEndpoint {
    const url = typeof params.url === 'string' ? params.url : '';
    if (!/^https?:\/\//.test(url)) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Invalid URL: url must be an http(s) URL.',
        'url',
      );
    }
    const enabled = Array.isArray(params.enabled_events) ? params.enabled_events.map(String) : [];
    if (enabled.length === 0) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Missing required param: enabled_events.',
        'enabled_events',
      );
    }
    const endpoint: WebhookEndpoint = {
      id: id('we'),
      object: 'webhook_endpoint',
      url,
      enabled_events: enabled,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      description: typeof params.description === 'string' ? params.description : null,
      status: 'enabled',
      livemode: false,
      created: nowSeconds(),
      secret: `whsec_${randomBytes(24).toString('hex')}`,
    };
    webhookEndpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  const listedEndpoint = ({ secret: _secret, ...endpoint }: WebhookEndpoint) => endpoint;

  const publicSession = (session: CheckoutSession) => {
    const {
      line_items_for_page: _page,
      shipping_rates_for_page: _rates,
      coupon_for_page: _coupon,
      ...rest
    } = session;
    return rest;
  };

  function openSession(sessionId: string): CheckoutSession {
    const session = sessions.get(sessionId);
    if (!session)
      throw new StripeError(
        404,
        'invalid_request_error',
        `No such checkout.session: '${sessionId}'`,
        'session',
        'resource_missing',
      );
    if (session.status === 'open' && session.expires_at <= nowSeconds()) expireSession(session);
    return session;
  }

  function payOpen(session: CheckoutSession, details: PayDetails) {
    if (session.status !== 'open') {
      throw new StripeError(
        400,
        'invalid_request_error',
        `This Checkout Session is ${session.status}.`,
      );
    }
    const allowed = session.shipping_address_collection?.allowed_countries;
    let shipping: CollectedShipping | null = null;
    if (allowed) {
      const given = details.shipping;
      const collected = collectedShippingOf({ name: given?.name, ...given?.address }, allowed);
      if ('problem' in collected) throw invalidParam(collected.problem, 'shipping_details');
      shipping = collected;
    }
    const rates = session.shipping_rates_for_page;
    const rate = details.shippingRate
      ? rates.find((r) => r.id === details.shippingRate || r.display_name === details.shippingRate)
      : rates[0];
    if (details.shippingRate && !rate) {
      throw invalidParam('That shipping option is not offered on this page.', 'shipping_rate');
    }
    const lines = session.line_items_for_page.map((line) => ({
      amount: line.unit_amount * line.quantity,
      tax_behavior: line.tax_behavior,
    }));
    const coupon = session.coupon_for_page;
    if (coupon) redeemCoupon(coupon);
    Object.assign(
      session,
      settleAmounts({
        lines,
        shipping: rate ?? null,
        automaticTax: session.automatic_tax.enabled,
        address: shipping?.address ?? null,
        discount: couponAmount(
          coupon,
          lines.reduce((sum, line) => sum + line.amount, 0),
        ),
      }),
    );
    if (session.automatic_tax.enabled) session.automatic_tax.status = 'complete';
    session.collected_information = {
      business_name: null,
      individual_name: null,
      shipping_details: shipping,
    };
    const email = details.email;
    const paymentIntent = id('pi');
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = paymentIntent;
    session.customer_details = { email: email || session.customer_email };
    session.url = null;
    const charge = {
      id: id('ch'),
      paymentIntent,
      amount: session.amount_total,
      refunded: 0,
      currency: session.currency,
      metadata: session.metadata,
    };
    charges.set(paymentIntent, charge);
    emit('checkout.session.completed', publicSession(session));
  }

  function expireSession(session: CheckoutSession) {
    if (session.status !== 'open') return;
    session.status = 'expired';
    session.url = null;
    emit('checkout.session.expired', publicSession(session));
  }

  function createSession(params: FormObject): CheckoutSession {
    if (str(params.mode) !== 'payment') {
      throw new StripeError(
        400,
        'invalid_request_error',
        'The shop only uses mode=payment.',
        'mode',
      );
    }
    const successUrl = str(params.success_url);
    if (!successUrl || !URL.canParse(successUrl)) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'Not a valid URL',
        'success_url',
        'url_invalid',
      );
    }
    const items = lineItemsOf(params);
    const currency = items[0]?.currency ?? 'usd';
    if (items.some((item) => item.currency !== currency)) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'All line items must use the same currency.',
        'line_items',
      );
    }
    const created = nowSeconds();
    const expiresAt = str(params.expires_at) ? Number(str(params.expires_at)) : created + 24 * 3600;
    if (
      !Number.isInteger(expiresAt) ||
      expiresAt < created + 30 * 60 - 5 ||
      expiresAt > created + 24 * 3600
    ) {
      throw new StripeError(
        400,
        'invalid_request_error',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
        'expires_at',
      );
    }
    const allowedCountries = allowedCountriesOf(params);
    const rates = shippingRatesOf(params, currency);
    const automaticTax = str(obj(params.automatic_tax).enabled) === 'true';
    const coupon = sessionCoupon(params, coupons, currency);
    const lines = items.map((item) => ({
      amount: item.unit_amount * item.quantity,
      tax_behavior: item.tax_behavior,
    }));
    // As Checkout does, the first option is chosen until the shopper picks another.
    const amounts = settleAmounts({
      lines,
      shipping: rates[0] ?? null,
      automaticTax: false,
      address: null,
      discount: couponAmount(
        coupon,
        lines.reduce((sum, line) => sum + line.amount, 0),
      ),
    });
    const sessionId = `cs_test_${randomBytes(16).toString('hex')}`;
    const metadata = Object.fromEntries(
      Object.entries(obj(params.metadata)).flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, v]] : [],
      ),
    );
    const session: CheckoutSession = {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      ...amounts,
      currency,
      client_reference_id: str(params.client_reference_id) ?? null,
      customer_email: str(params.customer_email) ?? null,
      customer_details: null,
      metadata,
      payment_intent: null,
      success_url: successUrl,
      cancel_url: str(params.cancel_url) ?? null,
      url: `${base}/pay/${sessionId}`,
      created,
      expires_at: expiresAt,
      livemode: false,
      automatic_tax: { enabled: automaticTax, liability: null, status: null },
      shipping_address_collection: allowedCountries
        ? { allowed_countries: allowedCountries }
        : null,
      shipping_options: rates.map((rate) => ({
        shipping_amount: rate.amount,
        shipping_rate: rate.id,
      })),
      collected_information: null,
      discounts: coupon ? [{ coupon: coupon.id, promotion_code: null }] : [],
      coupon_for_page: coupon,
      line_items_for_page: items.map(({ name, unit_amount, quantity, tax_behavior }) => ({
        name,
        unit_amount,
        quantity,
        tax_behavior,
      })),
      shipping_rates_for_page: rates,
    };
    sessions.set(sessionId, session);
    return session;
  }

  function refund(params: FormObject) {
    const paymentIntent = str(params.payment_intent);
    const charge = paymentIntent ? charges.get(paymentIntent) : undefined;
    if (!charge) {
      throw new StripeError(
        404,
        'invalid_request_error',
        `No such payment_intent: '${paymentIntent ?? ''}'`,
        'payment_intent',
        'resource_missing',
      );
    }
    const left = charge.amount - charge.refunded;
    const amount = str(params.amount) ? Number(str(params.amount)) : left;
    if (!Number.isInteger(amount) || amount < 1) {
      throw new StripeError(400, 'invalid_request_error', 'Invalid positive integer', 'amount');
    }
    if (amount > left) {
      throw new StripeError(
        400,
        'invalid_request_error',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount',
        'amount_too_large',
      );
    }
    charge.refunded += amount;
    const result = {
      id: id('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.paymentIntent,
      status: 'succeeded',
      reason: str(params.reason) ?? null,
      metadata: obj(params.metadata),
      created: nowSeconds(),
    };
    emit('charge.refunded', {
      id: charge.id,
      object: 'charge',
      amount: charge.amount,
      amount_refunded: charge.refunded,
      refunded: charge.refunded === charge.amount,
      currency: charge.currency,
      payment_intent: charge.paymentIntent,
      metadata: charge.metadata,
      paid: true,
      status: 'succeeded',
      livemode: false,
      created: nowSeconds(),
    });
    return result;
  }

  async function api(request: IncomingMessage, response: ServerResponse, path: string) {
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      throw new StripeError(
        401,
        'invalid_request_error',
        'Invalid API Key provided.',
        undefined,
        'api_key_invalid',
      );
    }
    const body = await readBody(request);
    const params = parseStripeForm(body);
    const key = request.headers['idempotency-key'];
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${path} ${body}`)
      .digest('hex');
    if (typeof key === 'string' && request.method === 'POST') {
      const earlier = idempotent.get(key);
      if (earlier && earlier.fingerprint !== fingerprint) {
        throw new StripeError(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (earlier) {
        response.setHeader('idempotent-replayed', 'true');
        return sendJson(response, earlier.status, earlier.body);
      }
    }
    let result: unknown;
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    const endpointPath = /^\/v1\/webhook_endpoints\/([^/]+)$/.exec(path);
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      result = publicSession(createSession(params));
    } else if (request.method === 'GET' && retrieve?.[1]) {
      result = publicSession(openSession(retrieve[1]));
    } else if (request.method === 'POST' && expire?.[1]) {
      const session = openSession(expire[1]);
      if (session.status !== 'open') {
        throw new StripeError(
          400,
          'invalid_request_error',
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        );
      }
      expireSession(session);
      result = publicSession(session);
    } else if (request.method === 'POST' && path === '/v1/coupons') {
      const coupon = createCoupon(params);
      coupons.set(coupon.id, coupon);
      result = coupon;
    } else if (request.method === 'POST' && path === '/v1/refunds') {
      result = refund(params);
    } else if (request.method === 'POST' && path === '/v1/webhook_endpoints') {
      result = createWebhookEndpoint(params);
    } else if (request.method === 'GET' && path === '/v1/webhook_endpoints') {
      result = {
        object: 'list',
        url: '/v1/webhook_endpoints',
        has_more: false,
        data: [...webhookEndpoints.values()].reverse().map(listedEndpoint),
      };
    } else if (request.method === 'DELETE' && endpointPath?.[1]) {
      if (!webhookEndpoints.delete(endpointPath[1])) {
        throw new StripeError(
          404,
          'invalid_request_error',
          `No such webhook endpoint: '${endpointPath[1]}'`,
          'id',
          'resource_missing',
        );
      }
      result = { id: endpointPath[1], object: 'webhook_endpoint', deleted: true };
    } else {
      throw new StripeError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${request.method}: ${path}).`,
      );
    }
    if (typeof key === 'string' && request.method === 'POST')
      idempotent.set(key, { fingerprint, status: 200, body: result });
    return sendJson(response, 200, result);
  }

  function page(
    session: CheckoutSession,
    message?: string,
    typed: URLSearchParams = new URLSearchParams(),
  ): string {
    const money = (amount: number) =>
      `${(amount / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
    const rows = session.line_items_for_page
      .map(
        (item) =>
          `<li>${escapeHtml(item.name)} × ${item.quantity}: ${money(item.unit_amount * item.quantity)}</li>`,
      )
      .join('');
    const open = session.status === 'open';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay (local payment stand-in)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1f1c}button{font:inherit;padding:.6rem 1rem;margin:.25rem .25rem 0 0;cursor:pointer}.note{color:#5b625d}[role=alert]{color:#a11d1d;font-weight:600}</style></head>
<body><main><h1>Pay ${money(session.amount_total)}</h1>
<p class="note">Local payment stand-in: no card is charged. With real Stripe keys this is Stripe Checkout.</p>
<ul>${rows}</ul>
${session.total_details.amount_discount > 0 ? `<p>Discount${session.coupon_for_page?.name ? ` (${escapeHtml(session.coupon_for_page.name)})` : ''}: −${money(session.total_details.amount_discount)}</p>` : ''}
${session.shipping_address_collection ? `<p class="note">Shipping and tax are added from the address and the option you choose${session.automatic_tax.enabled ? " (tax from the stand-in's rate table, standing in for Stripe Tax)" : ''}.</p>` : ''}
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
${
  open
    ? `<form method="post" action="/pay/${session.id}/pay"><label for="email">Email</label><br><input id="email" name="email" type="email" required value="${escapeHtml(typed.get('email') ?? session.customer_email ?? '')}"><br>${shippingFields(session, typed, money)}<button type="submit">Pay</button></form>
<form method="post" action="/pay/${session.id}/decline"><button type="submit">Decline</button></form>
<form method="post" action="/pay/${session.id}/expire"><button type="submit">Let it expire</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">← Back to the shop</a></p>` : ''}`
    : `<p>This checkout is ${session.status}.</p>`
}
</main></body></html>`;
  }

  /** The address fields and the shipping options of a session that posts its order. */
  function shippingFields(
    session: CheckoutSession,
    typed: URLSearchParams,
    money: (amount: number) => string,
  ): string {
    const allowed = session.shipping_address_collection?.allowed_countries;
    if (!allowed) return '';
    const input = (name: string, label: string, required = true) =>
      `<label for="${name}">${label}</label><br><input id="${name}" name="${name}"${required ? ' required' : ''} value="${escapeHtml(typed.get(name) ?? '')}"><br>`;
    const countries = allowed
      .map(
        (c) => `<option value="${c}"${typed.get('country') === c ? ' selected' : ''}>${c}</option>`,
      )
      .join('');
    const chosen = typed.get('shipping_rate') ?? session.shipping_rates_for_page[0]?.id;
    const options = session.shipping_rates_for_page
      .map((rate) => {
        const { minimum, maximum } = rate.delivery_estimate;
        const days =
          minimum !== null && maximum !== null ? `, ${minimum}–${maximum} business days` : '';
        return `<label><input type="radio" name="shipping_rate" value="${rate.id}"${rate.id === chosen ? ' checked' : ''}> ${escapeHtml(rate.display_name)}: ${rate.amount === 0 ? 'free' : money(rate.amount)}${days}</label><br>`;
      })
      .join('');
    return `<fieldset><legend>Shipping address</legend>${input('name', 'Full name')}${input('line1', 'Address line 1')}${input('line2', 'Address line 2', false)}${input('city', 'City')}${input('state', 'State or region', false)}${input('postal_code', 'Postal code')}<label for="country">Country</label><br><select id="country" name="country" required>${countries}</select></fieldset>
${options ? `<fieldset><legend>Shipping method</legend>${options}</fieldset>` : ''}`;
  }

  async function hosted(request: IncomingMessage, response: ServerResponse, path: string) {
    const match = /^\/pay\/([^/]+)(?:\/(pay|decline|expire))?$/.exec(path);
    const session = match?.[1] ? sessions.get(match[1]) : undefined;
    const html = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(text);
    };
    if (!session || !match)
      return html(404, '<!doctype html><title>Not found</title><p>No such checkout.</p>');
    if (session.status === 'open' && session.expires_at <= nowSeconds()) expireSession(session);
    const action = match[2];
    if (!action || request.method !== 'POST') return html(200, page(session));
    const form = new URLSearchParams(await readBody(request));
    const redirect = (to: string) => {
      response.writeHead(303, { location: to });
      response.end();
    };
    if (session.status !== 'open') return html(409, page(session));
    if (action === 'decline')
      return html(402, page(session, 'Your card was declined. Try another card.'));
    if (action === 'expire') {
      expireSession(session);
      return redirect(session.cancel_url ?? session.success_url);
    }
    try {
      payOpen(session, {
        email: form.get('email') ?? undefined,
        shipping: session.shipping_address_collection
          ? {
              name: form.get('name') ?? '',
              address: {
                line1: form.get('line1') ?? '',
                line2: form.get('line2'),
                city: form.get('city') ?? '',
                state: form.get('state'),
                postal_code: form.get('postal_code'),
                country: form.get('country') ?? '',
              },
            }
          : undefined,
        shippingRate: form.get('shipping_rate') ?? undefined,
      });
    } catch (error) {
      if (error instanceof StripeError) return html(400, page(session, error.message, form));
      throw error;
    }
    return redirect(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id));
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const handle = path.startsWith('/v1/')
      ? api(request, response, path)
      : hosted(request, response, path);
    handle.catch((error: unknown) => {
      if (error instanceof StripeError) {
        return sendJson(response, error.status, {
          error: {
            type: error.type,
            message: error.message,
            ...(error.param ? { param: error.param } : {}),
            ...(error.code ? { code: error.code } : {}),
          },
        });
      }
      sendJson(response, 500, { error: { type: 'api_error', message: 'The stand-in failed.' } });
    });
  });
  const listening = await listenLocal(server, { port: options.port });
  const { port } = listening;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    host: '127.0.0.1',
    port,
    protocol: 'http',
    secretKey,
    webhookSecret,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    session: (sessionId) => sessions.get(sessionId),
    pay: (sessionId, details) =>
      payOpen(
        openSession(sessionId),
        typeof details === 'string' ? { email: details } : (details ?? {}),
      ),
    expire: (sessionId) => expireSession(openSession(sessionId)),
    events,
    webhookEndpoints,
    deliveries,
    redeliver: async (eventId) => {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`no event ${eventId}`);
      const status = await post(event);
      deliveries.push({ eventId, attempt: 0, status });
      return status;
    },
    idle: async () => {
      while (inFlight.size > 0 || timers.size > 0) {
        await Promise.all([...inFlight]);
        if (timers.size > 0) await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...inFlight]);
      await listening.close();
    },
  };
}
