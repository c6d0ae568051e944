import { createMemoryCache, createMemoryRateLimiter, createReadThrough } from '@edgecart/cache';
import {
  CATALOG_CACHE_NAMESPACE,
  collectBusinessMetrics,
  HELD_UNITS_MAX,
  savePromotion,
} from '@edgecart/core';
import { insertVariant } from '@edgecart/core/testing/fixtures';
import { type Database, eq, orders, products, productVariants } from '@edgecart/db';
import { STAND_IN_TEST_SHIPPING, type StripeStandIn } from '@edgecart/dev-services';
import { createStripePayments, type Payments } from '@edgecart/payments';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiters } from '../rate-limits.ts';
import { type Browser, createBrowser, type Reply } from '../testing/account-http.ts';
import { openTestShop, stockOf as stockOfVariant } from '../testing/shop.ts';
import { noLimits } from '../testing/test-context.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;
let standIn: StripeStandIn;
let payments: Payments;
let variants: { id: string; price: number; stock: number }[];

beforeAll(async () => {
  ({ db, close, argon2, standIn, payments } = await openTestShop());
  variants = (
    await db
      .select({
        id: productVariants.id,
        price: productVariants.price,
        stock: productVariants.stock,
      })
      .from(productVariants)
      .orderBy(productVariants.sku)
  ).filter((v) => v.stock >= 5);
});
afterAll(async () => {
  await close?.();
});

const stockOf = (id: string) => stockOfVariant(db, id);

type Started = { url: string; orderNumber: number };
const started = (reply: Reply): Started => {
  const value = reply.body.result?.data?.json as Started | undefined;
  if (!value) throw new Error(`checkout.start answered ${reply.status}`);
  return value;
};

async function guestWithCart(options: Parameters<typeof createBrowser>[2] = {}) {
  const guest = createBrowser(db, argon2, { payments, ...options });
  const variant = variants[0];
  if (!variant) throw new Error('no variant in stock');
  expect((await guest.call('cart.add', { variantId: variant.id, quantity: 2 })).status).toBe(200);
  return { guest, variant };
}

const sessionOf = (url: string) => standIn.session(/cs_[A-Za-z0-9_]+/.exec(url)?.[0] ?? '');

describe('checkout over HTTP', () => {
  it('prices the payment page from the database, whatever the client sends', async () => {
    const { guest, variant } = await guestWithCart();
    const reply = await guest.call('checkout.start', {
      shipTo: 'US',
      amount: 1,
      currency: 'usd',
      lines: [{ variantId: variant.id, unitAmount: 1, quantity: 2 }],
      shippingOptions: [{ name: 'Free', amount: 0 }],
    } as never);
    expect(reply.status).toBe(200);
    const { url, orderNumber } = started(reply);
    const session = sessionOf(url);
    expect(session?.amount_subtotal).toBe(variant.price * 2);
    const [order] = await db.select().from(orders).where(eq(orders.number, orderNumber));
    expect(order?.total).toBe(variant.price * 2);
    // The options are the server's, for the US zone: the stored offers, in their order.
    const offered = order?.shippingOffers ?? [];
    expect(offered.length).toBeGreaterThan(0);
    expect(session?.shipping_options.map((o) => o.shipping_amount)).toEqual(
      offered.map((o) => o.amount),
    );
    expect(session?.shipping_address_collection).toEqual({ allowed_countries: ['US'] });
    expect(session?.metadata.order_id).toBe(order?.id);
    expect(session?.client_reference_id).toBe(order?.id);
  });

  it('holds stock once when the same cart checks out again', async () => {
    const { guest, variant } = await guestWithCart();
    const before = await stockOf(variant.id);
    const first = (await guest.call('checkout.start', { shipTo: 'US' })).body.result?.data
      ?.json as Started;
    const second = (await guest.call('checkout.start', { shipTo: 'US' })).body.result?.data
      ?.json as Started;
    expect(await stockOf(variant.id)).toBe((before ?? 0) - 2);
    expect(sessionOf(first.url)?.status).toBe('expired');
    expect(sessionOf(second.url)?.status).toBe('open');
    const [replaced] = await db.select().from(orders).where(eq(orders.number, first.orderNumber));
    expect(replaced?.status).toBe('cancelled');
  });

  it('answers 503 when the payment provider is down, and releases the stock', async () => {
    const down = createStripePayments({
      secretKey: standIn.secretKey,
      webhookSecret: standIn.webhookSecret,
      // Nothing listens on port 9 (discard) here: the connection is refused.
      api: { host: '127.0.0.1', port: 9, protocol: 'http' },
    });
    const { guest, variant } = await guestWithCart({ payments: down });
    const before = await stockOf(variant.id);
    const reply = await guest.call('checkout.start', { shipTo: 'US' });
    expect(reply.status).toBe(503);
    expect(reply.body.error?.json?.message).toMatch(/Nothing was charged/);
    expect(await stockOf(variant.id)).toBe(before);
  });

  it('counts the funnel: a cart started once, a checkout started; an outage is a failed checkout', async () => {
    const metrics = collectBusinessMetrics();
    const { guest, variant } = await guestWithCart({ metrics });
    expect((await guest.call('cart.add', { variantId: variant.id, quantity: 1 })).status).toBe(200);
    expect((await guest.call('checkout.start', { shipTo: 'US' })).status).toBe(200);
    expect(metrics.events.map((e) => e.event)).toEqual(['cart.created', 'checkout.started']);

    const down = createStripePayments({
      secretKey: standIn.secretKey,
      webhookSecret: standIn.webhookSecret,
      api: { host: '127.0.0.1', port: 9, protocol: 'http' },
    });
    const outage = collectBusinessMetrics();
    const { guest: unlucky } = await guestWithCart({ payments: down, metrics: outage });
    expect((await unlucky.call('checkout.start', { shipTo: 'US' })).status).toBe(503);
    // A shopper's own mistake (a country the shop does not post to) is not the shop failing.
    expect((await unlucky.call('checkout.start', { shipTo: 'AQ' })).status).toBe(400);
    expect(outage.events).toEqual([
      { event: 'cart.created', detail: {} },
      { event: 'checkout.failed', detail: { reason: 'provider_unavailable' } },
    ]);
  });

  it('limits checkouts per client with 429 and Retry-After', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 2, windowSeconds: 900 });
    const rateLimiters = { 'checkout:ip': limiter } as unknown as RateLimiters;
    const { guest } = await guestWithCart({ rateLimiters, clientIp: '198.51.100.20' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await guest.call('checkout.start', { shipTo: 'US' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const other: Browser = (await guestWithCart({ rateLimiters, clientIp: '198.51.100.21' })).guest;
    expect((await other.call('checkout.start', { shipTo: 'US' })).status).toBe(200);
  });

  it('counts every address of an IPv6 /64 as one client: rotating through it is still limited', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 3, windowSeconds: 900 });
    const keys: string[] = [];
    const counting = {
      limit: (key: string) => {
        keys.push(key);
        return limiter.limit(key);
      },
    };
    const rateLimiters = { ...noLimits, 'checkout:ip': counting } as RateLimiters;
    // One unit of the best-stocked variant for each: a fresh cart per address.
    const plenty = variants.reduce((a, b) => (b.stock > a.stock ? b : a));
    const checkOut = async (clientIp: string) => {
      const guest = createBrowser(db, argon2, { payments, rateLimiters, clientIp });
      expect((await guest.call('cart.add', { variantId: plenty.id, quantity: 1 })).status).toBe(
        200,
      );
      return (await guest.call('checkout.start', { shipTo: 'US' })).status;
    };
    const statuses: number[] = [];
    for (const clientIp of [
      '2001:db8:7:1::1',
      '2001:DB8:7:1:ffff:ffff:ffff:fffe',
      '2001:db8:7:1:1234:5678:9abc:def0',
      '[2001:0db8:0007:0001::abcd]',
    ]) {
      statuses.push(await checkOut(clientIp));
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(new Set(keys)).toEqual(new Set(['checkout:ip:2001:db8:7:1::/64']));
    // The next /64 is another customer, and an IPv4 address is one client by itself.
    for (const clientIp of ['2001:db8:7:2::1', '::ffff:198.51.100.22']) {
      expect(await checkOut(clientIp)).toBe(200);
    }
    expect(keys.slice(-1)).toEqual(['checkout:ip:198.51.100.22']);
  });

  it('refuses a client that hoards stock in unpaid checkouts from fresh carts, and sells to the next shopper', async () => {
    const { variantId } = await insertVariant(db, {
      prefix: 'hoard',
      title: 'Hoarded tent',
      price: 1000,
      currency: 'USD',
      stock: HELD_UNITS_MAX + 100,
    });
    const fill = async (clientIp: string, quantity: number) => {
      const guest = createBrowser(db, argon2, { payments, clientIp });
      expect((await guest.call('cart.add', { variantId, quantity })).status).toBe(200);
      return guest.call('checkout.start', { shipTo: 'US' });
    };
    // A fresh cart (a new cookie) and a new address of the same /64 each time.
    let held = 0;
    for (let i = 1; held + 99 <= HELD_UNITS_MAX; i++) {
      expect((await fill(`2001:db8:8:1::${i}`, 99)).status).toBe(200);
      held += 99;
    }
    const refused = await fill('2001:db8:8:1::ffff', 99);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json?.message).toMatch(
      new RegExp(`^You already have ${held} items waiting in unpaid checkouts`),
    );
    expect(await stockOf(variantId)).toBe(HELD_UNITS_MAX + 100 - held);
    expect((await fill('198.51.100.23', 3)).status).toBe(200);
  });

  it("closes the checkout a shopper came back from, and nobody else's", async () => {
    const { guest: ann, variant } = await guestWithCart();
    const { guest: bob } = await guestWithCart();
    const before = await stockOf(variant.id);
    const annStarted = started(await ann.call('checkout.start', { shipTo: 'US' }));
    started(await bob.call('checkout.start', { shipTo: 'US' }));
    const [annOrder] = await db
      .select()
      .from(orders)
      .where(eq(orders.number, annStarted.orderNumber));
    const orderId = annOrder?.id ?? '';
    const cancelledBy = async (browser: Browser) =>
      (await browser.call('checkout.cancel', { orderId })).body.result?.data?.json;

    expect(await cancelledBy(bob)).toEqual({ outcome: 'none' });
    expect(sessionOf(annStarted.url)?.status).toBe('open');
    expect(await cancelledBy(ann)).toEqual({ outcome: 'cancelled' });
    expect(sessionOf(annStarted.url)?.status).toBe('expired');
    expect((await db.select().from(orders).where(eq(orders.id, orderId)))[0]?.status).toBe(
      'cancelled',
    );
    expect(await stockOf(variant.id)).toBe((before ?? 0) - 2);
    expect(await cancelledBy(ann)).toEqual({ outcome: 'none' });
    expect((await ann.call('checkout.cancel', { orderId: 'not-an-order' })).status).toBe(400);
  });

  it('leaves an order paid on its page alone when the shopper comes back by the cancel link', async () => {
    const { guest, variant } = await guestWithCart();
    const before = await stockOf(variant.id);
    const { url, orderNumber } = started(await guest.call('checkout.start', { shipTo: 'US' }));
    const [order] = await db.select().from(orders).where(eq(orders.number, orderNumber));
    // Paid in another tab; its event has not come yet.
    standIn.pay(sessionOf(url)?.id ?? '', {
      email: 'guest@example.com',
      shipping: STAND_IN_TEST_SHIPPING,
    });
    const reply = await guest.call('checkout.cancel', { orderId: order?.id });
    expect(reply.body.result?.data?.json).toEqual({ outcome: 'completed' });
    expect(
      (
        await db
          .select()
          .from(orders)
          .where(eq(orders.id, order?.id ?? ''))
      )[0]?.status,
    ).toBe('pending');
    expect(await stockOf(variant.id)).toBe((before ?? 0) - 2);
  });

  it('refuses an empty cart with 400', async () => {
    const guest = createBrowser(db, argon2, { payments });
    const reply = await guest.call('checkout.start', { shipTo: 'US' });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.json?.message).toMatch(/cart is empty/);
  });
});

describe('the catalog cache around a checkout', () => {
  it('shows the stock a checkout took, and gave back, on the next read', async () => {
    const catalogCache = createReadThrough({
      cache: createMemoryCache(),
      namespace: CATALOG_CACHE_NAMESPACE,
    });
    // A variant with exactly three left, so that its page says so.
    const variant = variants[1];
    if (!variant) throw new Error('no variant in stock');
    await db.update(productVariants).set({ stock: 3 }).where(eq(productVariants.id, variant.id));
    const [product] = await db
      .select({ slug: products.slug })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(productVariants.id, variant.id));
    const guest = createBrowser(db, argon2, { payments, catalogCache });
    const remaining = async () => {
      const reply = await guest.call('catalog.product', { slug: product?.slug }, 'GET');
      const detail = reply.body.result?.data?.json as {
        variants: { id: string; remaining: number | null; stockState: string }[];
      };
      return detail.variants.find((v) => v.id === variant.id);
    };
    expect(await remaining()).toMatchObject({ remaining: 3, stockState: 'low_stock' });
    await guest.call('cart.add', { variantId: variant.id, quantity: 3 });
    const { url } = started(await guest.call('checkout.start', { shipTo: 'US' }));
    expect(await remaining()).toMatchObject({ remaining: null, stockState: 'out_of_stock' });
    const order = sessionOf(url)?.metadata.order_id;
    expect((await guest.call('checkout.cancel', { orderId: order })).status).toBe(200);
    expect(await remaining()).toMatchObject({ remaining: 3, stockState: 'low_stock' });
  });
});

describe('the per-IP ceiling on tRPC calls', () => {
  it('answers 429 with Retry-After past the ceiling, for that client only, and never counts a page’s own calls', async () => {
    const limit = createMemoryRateLimiter({ attempts: 5, windowSeconds: 60 });
    const rateLimiters = { ...noLimits, 'api:ip': limit } satisfies RateLimiters;
    const browse = (clientIp: string, fromClient: boolean) =>
      createBrowser(db, argon2, { rateLimiters, clientIp, fromClient });
    const scraper = browse('198.51.100.30', true);
    const collections = () => scraper.call('catalog.collections', {}, 'GET');
    for (let i = 0; i < 5; i++) expect((await collections()).status).toBe(200);
    const over = await collections();
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(over.body.error?.json?.message).toMatch(/Too many attempts/);
    expect((await scraper.call('cart.get', undefined, 'GET')).status).toBe(429);
    expect(
      (await browse('198.51.100.31', true).call('catalog.collections', {}, 'GET')).status,
    ).toBe(200);
    // The same address rendering pages (the server's own caller) is not held back.
    expect(
      (await browse('198.51.100.30', false).call('catalog.collections', {}, 'GET')).status,
    ).toBe(200);
  });
});

describe('discount codes over HTTP', () => {
  const admin = { actor: 'admin:test' };
  const code = () => `H${crypto.randomUUID().slice(0, 8)}`;

  it('applies a code to the cart, charges the discounted amount, and says why a code is refused', async () => {
    const c = code();
    await savePromotion({ db, now: new Date(), ...admin }, { code: c, percentOff: 10 });
    const { guest, variant } = await guestWithCart();
    const unknown = await guest.call('cart.applyDiscount', { code: 'NOPE-123' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.json?.message).toBe(
      'The code NOPE-123 is not a discount code of this shop: check the spelling.',
    );
    const blank = await guest.call('cart.applyDiscount', { code: '   ' });
    expect(blank.status).toBe(400);
    const applied = await guest.call('cart.applyDiscount', { code: c.toLowerCase() });
    expect(applied.status).toBe(200);
    const cart = applied.body.result?.data?.json as {
      discount: { code: string; amount: { amount: number } };
      total: { amount: number };
    };
    const discount = Math.floor((variant.price * 2 * 10 + 50) / 100);
    expect(cart.discount.code).toBe(c);
    expect(cart.discount.amount.amount).toBe(discount);
    expect(cart.total.amount).toBe(variant.price * 2 - discount);
    // The payment page charges the discounted amount, with the code's name on it.
    const { url } = started(await guest.call('checkout.start', { shipTo: 'US' }));
    const session = sessionOf(url);
    expect(session?.total_details.amount_discount).toBe(discount);
    expect(session?.amount_subtotal).toBe(variant.price * 2);
    // Removed, the cart is at full price again.
    const removed = await guest.call('cart.removeDiscount');
    expect(removed.status).toBe(200);
    const after = removed.body.result?.data?.json as { discount: unknown } | undefined;
    expect(after?.discount).toBeNull();
  });

  it('limits the codes one client tries: 429 past 10 in 15 minutes, whether they applied or not', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 10, windowSeconds: 900 });
    const rateLimiters = { ...noLimits, 'discount-code:ip': limiter } as RateLimiters;
    const { guest } = await guestWithCart({ rateLimiters, clientIp: '198.51.100.40' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await guest.call('cart.applyDiscount', { code: `GUESS-${i}00` })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
  });

  it('asks a guest for an email when the code is once per customer, and passes it to the payment page', async () => {
    const c = code();
    await savePromotion(
      { db, now: new Date(), ...admin },
      { code: c, amountOff: 100, currency: 'USD', oncePerCustomer: true },
    );
    const { guest } = await guestWithCart();
    expect((await guest.call('cart.applyDiscount', { code: c })).status).toBe(200);
    const cart = (await guest.call('cart.get', undefined, 'GET')).body.result?.data?.json as {
      discount: { needsEmail: boolean };
    };
    expect(cart.discount.needsEmail).toBe(true);
    const without = await guest.call('checkout.start', { shipTo: 'US' });
    expect(without.status).toBe(400);
    expect(without.body.error?.json?.message).toMatch(/Enter your email/);
    const email = `once-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { url } = started(await guest.call('checkout.start', { shipTo: 'US', email }));
    expect(sessionOf(url)?.customer_email).toBe(email);
  });
});
