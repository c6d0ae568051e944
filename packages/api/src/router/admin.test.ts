import {
  createMemoryCache,
  createMemoryRateLimiter,
  createReadThrough,
  type ReadThrough,
} from '@edgecart/cache';
import { applyPaymentEvent, CATALOG_CACHE_NAMESPACE, createSession } from '@edgecart/core';
import {
  auditLog,
  type Database,
  eq,
  orderItems,
  orders,
  products,
  productVariants,
  users,
} from '@edgecart/db';
import { STAND_IN_TEST_SHIPPING, type StripeStandIn } from '@edgecart/dev-services';
import { type Payments, paymentEventOf } from '@edgecart/payments';
import type Argon2 from '@phi-ag/argon2';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiters } from '../rate-limits.ts';
import { appRouter } from '../root.ts';
import { browserAs, createBrowser } from '../testing/account-http.ts';
import { openTestShop, stockOf as stockOfVariant } from '../testing/shop.ts';
import { noLimits } from '../testing/test-context.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;
let standIn: StripeStandIn;
let payments: Payments;
let catalogCache: ReadThrough;

beforeAll(async () => {
  ({ db, close, argon2, standIn, payments } = await openTestShop());
  catalogCache = createReadThrough({
    cache: createMemoryCache(),
    namespace: CATALOG_CACHE_NAMESPACE,
  });
});
afterAll(async () => {
  await close?.();
});

/** A browser signed in as a new user with this role, or a visitor. */
const as = (role: 'visitor' | 'customer' | 'admin') =>
  browserAs(db, argon2, role, { payments, catalogCache });

const stockOf = (id: string) => stockOfVariant(db, id);

const data = <T>(reply: { body: { result?: { data?: { json?: unknown } } } }) =>
  reply.body.result?.data?.json as T;

/** Every admin procedure, with whether it is a query or a mutation. */
const adminProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .filter(([path]) => path.startsWith('admin.'))
  .map(([path, procedure]) => ({ path, type: procedure._def.type }));

describe('authorization of the admin procedures', () => {
  it('lists every admin procedure the router has', () => {
    expect(adminProcedures.map((p) => p.path).sort()).toEqual([
      'admin.imports.applyBatches',
      'admin.imports.check',
      'admin.imports.get',
      'admin.imports.list',
      'admin.media.upload',
      'admin.metrics.dashboard',
      'admin.metrics.incidents',
      'admin.orders.cancel',
      'admin.orders.get',
      'admin.orders.list',
      'admin.orders.markDelivered',
      'admin.orders.refund',
      'admin.orders.ship',
      'admin.overview',
      'admin.products.exportCsv',
      'admin.products.get',
      'admin.products.imageChoices',
      'admin.products.list',
      'admin.products.remove',
      'admin.products.save',
      'admin.promotions.get',
      'admin.promotions.list',
      'admin.promotions.save',
      'admin.promotions.setStatus',
      'admin.promotions.targets',
      'admin.settings.get',
      'admin.settings.save',
      'admin.shipping.deleteZone',
      'admin.shipping.saveRate',
      'admin.shipping.saveZone',
      'admin.shipping.zones',
      'admin.stock.adjust',
    ]);
  });

  it.each(adminProcedures)(
    '$path: 401 for a visitor, 403 for a customer, answered for an admin',
    async ({ path, type }) => {
      const method = type === 'query' ? 'GET' : 'POST';
      const call = async (role: 'visitor' | 'customer' | 'admin') =>
        (await (await as(role)).call(path, undefined, method)).status;
      expect(await call('visitor')).toBe(401);
      expect(await call('customer')).toBe(403);
      // An admin gets past the guard: the (missing) input is what is refused, if anything.
      expect([200, 400]).toContain(await call('admin'));
    },
  );
});

async function someProduct() {
  const [row] = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(eq(products.status, 'active'))
    .orderBy(products.slug)
    .limit(1);
  if (!row) throw new Error('no product');
  return row;
}

type Editable = {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: 'active' | 'draft' | 'archived';
  currency: string;
  collections: string[];
  images: { url: string; alt: string }[];
  variants: {
    id: string;
    sku: string;
    title: string;
    options: Record<string, string>;
    price: number;
    stock: number;
  }[];
  hasOrders: boolean;
};

function asInput(product: Editable) {
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    status: product.status,
    currency: product.currency,
    collections: product.collections,
    images: product.images.map(({ url, alt }) => ({ url, alt })),
    variants: product.variants.map(({ id, sku, title, options, price }) => ({
      id,
      sku,
      title,
      options,
      price,
    })),
  };
}

describe('the admin write limit', () => {
  it('answers 429 past an admin’s writes per minute, and lets reads through', async () => {
    const rateLimiters = {
      ...noLimits,
      'admin:user': createMemoryRateLimiter({ attempts: 2, windowSeconds: 60 }),
    } satisfies RateLimiters;
    const admin = createBrowser(db, argon2, { payments, catalogCache, rateLimiters });
    const [user] = await db
      .insert(users)
      .values({
        email: `limited-${crypto.randomUUID()}@example.com`,
        passwordHash: 'x',
        role: 'admin',
      })
      .returning({ id: users.id });
    admin.setCookieValue((await createSession(db, user?.id ?? '', new Date())).token);
    const [variant] = await db.select({ id: productVariants.id }).from(productVariants).limit(1);
    const adjust = () =>
      admin.call('admin.stock.adjust', {
        variantId: variant?.id,
        change: { kind: 'adjust', delta: 1 },
        reason: 'Delivery',
      });
    expect((await adjust()).status).toBe(200);
    expect((await adjust()).status).toBe(200);
    const over = await adjust();
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect((await admin.call('admin.overview', undefined, 'GET')).status).toBe(200);
  });
});

describe('editing the catalog', () => {
  it('shows a new price in the storefront at once, though the product was cached', async () => {
    const admin = await as('admin');
    const shopper = await as('visitor');
    const { id, slug } = await someProduct();
    const priceOf = async () =>
      data<{ priceFrom: { amount: number } }>(
        await shopper.call('catalog.product', { slug }, 'GET'),
      ).priceFrom.amount;
    const before = await priceOf();
    const editable = data<Editable>(await admin.call('admin.products.get', { id }, 'GET'));
    const input = asInput(editable);
    input.variants = input.variants.map((v) => ({ ...v, price: before + 111 }));
    const saved = await admin.call('admin.products.save', { id, product: input });
    expect(saved.status).toBe(200);
    expect(await priceOf()).toBe(before + 111);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(auditLog.id);
    expect(audit).toMatchObject({ action: 'product.updated', entityType: 'product' });
    expect(audit?.actor).toMatch(/^admin:/);
  });

  it('hides a draft everywhere in the storefront, and shows it again once published', async () => {
    const admin = await as('admin');
    const shopper = await as('visitor');
    const { id, slug } = await someProduct();
    const listed = async () =>
      data<{ items: { slug: string }[] }>(
        await shopper.call('catalog.products', { q: slug.split('-')[0], limit: 48 }, 'GET'),
      ).items.some((p) => p.slug === slug);
    expect(await listed()).toBe(true);
    const editable = data<Editable>(await admin.call('admin.products.get', { id }, 'GET'));
    const collection = editable.collections[0];
    const countIn = async () =>
      data<{ slug: string; productCount: number }[]>(
        await shopper.call('catalog.collections', {}, 'GET'),
      ).find((c) => c.slug === collection)?.productCount;
    const counted = await countIn();
    await admin.call('admin.products.save', {
      id,
      product: { ...asInput(editable), status: 'draft' },
    });
    expect((await shopper.call('catalog.product', { slug }, 'GET')).status).toBe(404);
    expect(await listed()).toBe(false);
    if (collection) expect(await countIn()).toBe((counted ?? 0) - 1);
    // The admin still finds it.
    expect(
      data<{ items: { slug: string }[] }>(
        await admin.call('admin.products.list', { q: slug, status: 'draft' }, 'GET'),
      ).items.map((p) => p.slug),
    ).toEqual([slug]);
    await admin.call('admin.products.save', {
      id,
      product: { ...asInput(editable), status: 'active' },
    });
    expect((await shopper.call('catalog.product', { slug }, 'GET')).status).toBe(200);
  });

  it('keeps slugs and skus unique, saying which field is taken', async () => {
    const admin = await as('admin');
    const [first, second] = await db
      .select({ id: products.id, slug: products.slug })
      .from(products)
      .orderBy(products.slug)
      .limit(2);
    const editable = data<Editable>(
      await admin.call('admin.products.get', { id: first?.id }, 'GET'),
    );
    const takenSlug = await admin.call('admin.products.save', {
      id: first?.id,
      product: { ...asInput(editable), slug: second?.slug },
    });
    expect(takenSlug.status).toBe(400);
    expect(takenSlug.body.error?.json?.data?.field).toBe('slug');
    const [otherSku] = await db
      .select({ sku: productVariants.sku })
      .from(productVariants)
      .where(eq(productVariants.productId, second?.id ?? ''))
      .limit(1);
    const input = asInput(editable);
    input.variants[0] = { ...input.variants[0], sku: otherSku?.sku } as (typeof input.variants)[0];
    const takenSku = await admin.call('admin.products.save', { id: first?.id, product: input });
    expect(takenSku.status).toBe(400);
    expect(takenSku.body.error?.json?.data?.field).toBe('variants.0.sku');
    // Nothing changed.
    const again = data<Editable>(await admin.call('admin.products.get', { id: first?.id }, 'GET'));
    expect(again.slug).toBe(editable.slug);
    expect(again.variants[0]?.sku).toBe(editable.variants[0]?.sku);
  });

  it('creates a product with its variants from the shop’s image set, and deletes one never ordered', async () => {
    const admin = await as('admin');
    const images = data<{ url: string }[]>(
      await admin.call('admin.products.imageChoices', undefined, 'GET'),
    );
    const slug = `trail-lantern-${crypto.randomUUID().slice(0, 6)}`;
    const created = await admin.call('admin.products.save', {
      product: {
        title: 'Trail lantern',
        slug,
        description: 'Bright and light.',
        status: 'active',
        currency: 'USD',
        collections: [],
        images: [{ url: images[0]?.url, alt: '' }],
        variants: [
          { sku: `${slug}-s`, title: 'Small', options: { Size: 'S' }, price: 2500, stock: 4 },
          { sku: `${slug}-l`, title: 'Large', options: { Size: 'L' }, price: 3500, stock: 0 },
        ],
      },
    });
    expect(created.status).toBe(200);
    const shopper = await as('visitor');
    const shown = data<{ priceFrom: { amount: number }; variants: { remaining: number | null }[] }>(
      await shopper.call('catalog.product', { slug }, 'GET'),
    );
    expect(shown.priceFrom.amount).toBe(2500);
    expect(shown.variants.map((v) => v.remaining)).toEqual([4, null]);
    const notInSet = await admin.call('admin.products.save', {
      id: data<{ id: string }>(created).id,
      product: {
        title: 'Trail lantern',
        slug,
        description: '',
        status: 'active',
        currency: 'USD',
        collections: [],
        images: [{ url: '/images/not-ours.svg', alt: '' }],
        variants: [{ sku: `${slug}-s`, title: 'Small', options: {}, price: 2500 }],
      },
    });
    expect(notInSet.status).toBe(400);
    expect(notInSet.body.error?.json?.data?.field).toBe('images');
    const removed = await admin.call('admin.products.remove', {
      id: data<{ id: string }>(created).id,
    });
    expect(data<{ outcome: string }>(removed).outcome).toBe('deleted');
    expect((await shopper.call('catalog.product', { slug }, 'GET')).status).toBe(404);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const admin = await as('admin');
    const { id } = await someProduct();
    const editable = data<Editable>(await admin.call('admin.products.get', { id }, 'GET'));
    for (const product of [
      { ...asInput(editable), title: '' },
      { ...asInput(editable), slug: 'Not A Slug' },
      { ...asInput(editable), currency: 'usd' },
      { ...asInput(editable), variants: [] },
      { ...asInput(editable), description: 'a\u0000b' },
      {
        ...asInput(editable),
        variants: asInput(editable).variants.map((v) => ({ ...v, price: -1 })),
      },
    ]) {
      expect((await admin.call('admin.products.save', { id, product })).status).toBe(400);
    }
    const again = data<Editable>(await admin.call('admin.products.get', { id }, 'GET'));
    expect(again).toEqual(editable);
  });
});

describe('shipping zones and rates', () => {
  it('keeps zones and rates over HTTP, refusing a taken country and bad input with 400', async () => {
    const admin = await as('admin');
    const zone = data<{ id: string; countries: string[] }>(
      await admin.call('admin.shipping.saveZone', { name: 'Benelux', countries: ['be', 'LU'] }),
    );
    expect(zone.countries).toEqual(['BE', 'LU']);
    const rate = {
      zoneId: zone.id,
      name: 'Post',
      minDays: 2,
      maxDays: 4,
      currency: 'EUR',
      amount: 495,
      freeAbove: 7_500,
      minWeightGrams: 0,
      maxWeightGrams: null,
      active: true,
      position: 0,
    };
    expect((await admin.call('admin.shipping.saveRate', rate)).status).toBe(200);
    const taken = await admin.call('admin.shipping.saveZone', { name: 'Low', countries: ['LU'] });
    expect(taken.status).toBe(400);
    for (const bad of [
      { ...rate, amount: -5 },
      { ...rate, currency: 'eur' },
      { ...rate, zoneId: 'nope' },
      { ...rate, minDays: 1.5 },
    ]) {
      expect((await admin.call('admin.shipping.saveRate', bad)).status).toBe(400);
    }
    const zones = data<{ id: string; rates: { name: string; amount: number }[] }[]>(
      await admin.call('admin.shipping.zones', undefined, 'GET'),
    );
    const benelux = zones.find((z) => z.id === zone.id);
    expect(benelux?.rates.map((r) => [r.name, r.amount])).toEqual([['Post', 495]]);
    expect((await admin.call('admin.shipping.deleteZone', { id: zone.id })).status).toBe(200);
    expect((await admin.call('admin.shipping.deleteZone', { id: zone.id })).status).toBe(404);
  });
});

describe('promotions', () => {
  it('creates, lists, pauses and edits a promotion over HTTP, refusing bad input with 400', async () => {
    const admin = await as('admin');
    const code = `A${crypto.randomUUID().slice(0, 8)}`;
    const saved = data<{ id: string; code: string; timesUsed: number }>(
      await admin.call('admin.promotions.save', {
        code,
        percentOff: 15,
        usageLimit: 100,
        startsAt: '2026-12-01T00:00:00Z',
      }),
    );
    expect(saved).toMatchObject({ code, timesUsed: 0 });
    for (const bad of [
      { code: 'x' },
      { code, percentOff: 150 },
      { code: 'NEW-ONE', amountOff: 500 },
      { code: 'NEW-TWO', percentOff: 10, amountOff: 100, currency: 'USD' },
      { code: 'NEW-THREE', percentOff: 10, startsAt: 'not a date' },
      { code: 'NEW-FOUR', percentOff: 10, collections: ['not-an-id'] },
      { code: 'NEW-FIVE', percentOff: 10, products: [crypto.randomUUID()] },
      { automatic: true, percentOff: 10 },
      { code: code.toLowerCase(), percentOff: 5 },
    ]) {
      const reply = await admin.call('admin.promotions.save', bad);
      expect(reply.status, JSON.stringify(bad)).toBe(400);
    }
    const list = await admin.call('admin.promotions.list', undefined, 'GET');
    const listed = data<{ id: string; uses: number; status: string }[]>(list);
    expect(listed.find((p) => p.id === saved.id)).toMatchObject({ uses: 0, status: 'active' });
    expect(
      (await admin.call('admin.promotions.setStatus', { id: saved.id, status: 'paused' })).status,
    ).toBe(200);
    const edited = data<{ percentOff: number; status: string }>(
      await admin.call('admin.promotions.save', { id: saved.id, code, percentOff: 20 }),
    );
    expect(edited).toMatchObject({ percentOff: 20, status: 'paused' });
    expect(
      (await admin.call('admin.promotions.setStatus', { id: saved.id, status: 'gone' })).status,
    ).toBe(400);
    expect(
      (await admin.call('admin.promotions.get', { id: crypto.randomUUID() }, 'GET')).status,
    ).toBe(404);
  });
});

describe('stock', () => {
  it('sets and adjusts a variant’s stock with a reason, never below zero, and the storefront shows it', async () => {
    const admin = await as('admin');
    const shopper = await as('visitor');
    const { id, slug } = await someProduct();
    const editable = data<Editable>(await admin.call('admin.products.get', { id }, 'GET'));
    const variant = editable.variants[0];
    if (!variant) throw new Error('no variant');
    const remaining = async () =>
      data<{ variants: { id: string; remaining: number | null }[] }>(
        await shopper.call('catalog.product', { slug }, 'GET'),
      ).variants.find((v) => v.id === variant.id)?.remaining;
    await remaining();
    const set = await admin.call('admin.stock.adjust', {
      variantId: variant.id,
      change: { kind: 'set', stock: 3 },
      reason: 'Counted the shelf',
    });
    expect(data<{ stock: number }>(set).stock).toBe(3);
    expect(await remaining()).toBe(3);
    const refused = await admin.call('admin.stock.adjust', {
      variantId: variant.id,
      change: { kind: 'adjust', delta: -4 },
      reason: 'Damaged',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json?.message).toMatch(/Only 3 .* below zero/);
    expect(refused.body.error?.json?.data?.field).toBe('delta');
    await admin.call('admin.stock.adjust', {
      variantId: variant.id,
      change: { kind: 'adjust', delta: -1 },
      reason: 'Damaged in the stockroom',
    });
    expect(await remaining()).toBe(2);
    const trail = await db
      .select({ before: auditLog.before, after: auditLog.after, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, variant.id))
      .orderBy(auditLog.id);
    expect(trail).toEqual([
      {
        action: 'variant.stock_changed',
        before: { stock: variant.stock },
        after: { stock: 3, reason: 'Counted the shelf' },
      },
      {
        action: 'variant.stock_changed',
        before: { stock: 3 },
        after: { stock: 2, reason: 'Damaged in the stockroom' },
      },
    ]);
  });
});

describe('orders and refunds', () => {
  /** Applies every event the stand-in made since `from`, as the webhook would. */
  async function deliver(from: number) {
    for (const event of standIn.events.slice(from)) {
      await applyPaymentEvent(
        { db, now: new Date(), origin: 'http://shop.test' },
        paymentEventOf(event as unknown as Stripe.Event),
      );
    }
    return standIn.events.length;
  }

  async function paidOrder() {
    const guest = await as('visitor');
    const [variant] = await db
      .select({ id: productVariants.id })
      .from(productVariants)
      .orderBy(productVariants.sku)
      .limit(1);
    const v = { id: variant?.id ?? '' };
    await db.update(productVariants).set({ stock: 50 }).where(eq(productVariants.id, v.id));
    expect((await guest.call('cart.add', { variantId: v.id, quantity: 2 })).status).toBe(200);
    const seen = standIn.events.length;
    const { url } = data<{ url: string }>(await guest.call('checkout.start', { shipTo: 'US' }));
    const sessionId = /cs_[A-Za-z0-9_]+/.exec(url)?.[0] ?? '';
    standIn.pay(sessionId, { email: 'buyer@example.com', shipping: STAND_IN_TEST_SHIPPING });
    await deliver(seen);
    const orderId = standIn.session(sessionId)?.metadata.order_id ?? '';
    return { orderId, variantId: v.id };
  }

  it('refunds part of an order through the payment provider, restocks when asked, and the refund event marks it', async () => {
    const admin = await as('admin');
    const { orderId, variantId } = await paidOrder();
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(order?.status).toBe('paid');
    const stockBefore = await stockOf(variantId);
    const listed = data<{ items: { id: string }[] }>(
      await admin.call('admin.orders.list', { status: 'paid', email: 'BUYER@' }, 'GET'),
    );
    expect(listed.items.map((o) => o.id)).toContain(orderId);

    const seen = standIn.events.length;
    const amount = Math.floor((order?.total ?? 0) / 2);
    const form = { orderId, amount, restock: true, requestKey: crypto.randomUUID() };
    const refund = await admin.call('admin.orders.refund', form);
    expect(refund.status).toBe(200);
    expect(data<{ restocked: boolean }>(refund).restocked).toBe(true);
    // A double submit of the same form refunds once (the same request, the same idempotency key).
    expect((await admin.call('admin.orders.refund', form)).status).toBe(200);
    expect(standIn.events.slice(seen).filter((e) => e.type === 'charge.refunded')).toHaveLength(1);
    await deliver(seen);

    const detail = data<{
      order: { status: string; amountRefunded: number };
      trail: { action: string; actor: string }[];
      events: { type: string }[];
    }>(await admin.call('admin.orders.get', { id: orderId }, 'GET'));
    expect(detail.order).toMatchObject({ status: 'partially_refunded', amountRefunded: amount });
    expect(detail.trail.map((t) => t.action)).toEqual([
      'order.placed',
      'order.paid',
      'order.refund_requested',
      'order.refund_sent',
      'order.refunded',
    ]);
    expect(detail.events.map((e) => e.type)).toEqual(['checkout-paid', 'refunded']);
    const stockAfter = await stockOf(variantId);
    expect(stockAfter).toBe((stockBefore ?? 0) + 2);

    // More than is left is refused before the provider is asked.
    const tooMuch = await admin.call('admin.orders.refund', {
      orderId,
      amount: (order?.total ?? 0) - amount + 1,
      requestKey: crypto.randomUUID(),
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error?.json?.data?.field).toBe('amount');
    // The rest, without restocking: refunded in full, the stock left as it is.
    const rest = standIn.events.length;
    await admin.call('admin.orders.refund', {
      orderId,
      amount: (order?.total ?? 0) - amount,
      requestKey: crypto.randomUUID(),
    });
    await deliver(rest);
    const [refunded] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(refunded?.status).toBe('refunded');
    const stockEnd = await stockOf(variantId);
    expect(stockEnd).toBe(stockAfter);
  });

  it('makes two equal partial refunds asked before either event lands, and refuses a third beyond the total', async () => {
    const admin = await as('admin');
    const { orderId } = await paidOrder();
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    const total = order?.total ?? 0;
    const amount = Math.floor(total / 2) - 1;
    const seen = standIn.events.length;
    const refund = () =>
      admin.call('admin.orders.refund', { orderId, amount, requestKey: crypto.randomUUID() });
    const first = await refund();
    const second = await refund();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(data<{ refundId: string }>(second).refundId).not.toBe(
      data<{ refundId: string }>(first).refundId,
    );
    // Both reached the payment stand-in as two refunds.
    const refunded = standIn.events.slice(seen).filter((e) => e.type === 'charge.refunded');
    expect(refunded).toHaveLength(2);
    // Neither event has landed, and the admin's page says what is left.
    const before = data<{ order: { amountRefunded: number }; refundable: number }>(
      await admin.call('admin.orders.get', { id: orderId }, 'GET'),
    );
    expect(before.order.amountRefunded).toBe(0);
    expect(before.refundable).toBe(total - 2 * amount);

    const third = await refund();
    expect(third.status).toBe(400);
    expect(third.body.error?.json?.message).toBe(
      `At most ${total - 2 * amount} is left to refund (${order?.currency} minor units), counting refunds asked for and not yet confirmed.`,
    );
    expect(third.body.error?.json?.data?.field).toBe('amount');
    expect(standIn.events.slice(seen).filter((e) => e.type === 'charge.refunded')).toHaveLength(2);

    await deliver(seen);
    const [after] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(after).toMatchObject({
      status: 'partially_refunded',
      amountRefunded: 2 * amount,
      amountRefundRequested: 2 * amount,
    });
  });

  it("refuses a refund without the form's key, with a 400", async () => {
    const admin = await as('admin');
    const { orderId } = await paidOrder();
    const reply = await admin.call('admin.orders.refund', { orderId, amount: 100 });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.json?.message).toMatch(/reload the page/);
  });

  it('archives a product that was ordered instead of deleting it, hiding it from the shop', async () => {
    const admin = await as('admin');
    const shopper = await as('visitor');
    const { orderId } = await paidOrder();
    const [line] = await db
      .select({ productId: productVariants.productId })
      .from(orderItems)
      .innerJoin(productVariants, eq(productVariants.id, orderItems.variantId))
      .where(eq(orderItems.orderId, orderId));
    const editable = data<Editable>(
      await admin.call('admin.products.get', { id: line?.productId }, 'GET'),
    );
    expect(editable.hasOrders).toBe(true);
    const removed = await admin.call('admin.products.remove', { id: line?.productId });
    expect(data<{ outcome: string }>(removed).outcome).toBe('archived');
    expect((await shopper.call('catalog.product', { slug: editable.slug }, 'GET')).status).toBe(
      404,
    );
    const kept = data<Editable>(
      await admin.call('admin.products.get', { id: line?.productId }, 'GET'),
    );
    expect(kept.status).toBe('archived');
    expect(kept.variants).toEqual(
      editable.variants.map((v) => ({ ...v, stock: expect.any(Number) })),
    );
  });

  it('refuses to refund an order that was not paid', async () => {
    const admin = await as('admin');
    const guest = await as('visitor');
    const [variant] = await db.select({ id: productVariants.id }).from(productVariants).limit(1);
    await db
      .update(productVariants)
      .set({ stock: 9 })
      .where(eq(productVariants.id, variant?.id ?? ''));
    await guest.call('cart.add', { variantId: variant?.id, quantity: 1 });
    const { url } = data<{ url: string }>(await guest.call('checkout.start', { shipTo: 'US' }));
    const orderId = standIn.session(/cs_[A-Za-z0-9_]+/.exec(url)?.[0] ?? '')?.metadata.order_id;
    const reply = await admin.call('admin.orders.refund', {
      orderId,
      amount: 100,
      requestKey: crypto.randomUUID(),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.json?.message).toMatch(/pending order cannot be refunded/);
  });

  it('gives the overview: today’s orders and revenue, pending payments, low stock', async () => {
    const admin = await as('admin');
    const overview = data<{
      today: { orders: number; revenue: { currency: string; amount: number }[] };
      pendingPayments: number;
      lowStock: { stock: number }[];
    }>(await admin.call('admin.overview', undefined, 'GET'));
    expect(overview.today.orders).toBeGreaterThanOrEqual(1);
    expect(overview.pendingPayments).toBeGreaterThanOrEqual(1);
    expect(overview.lowStock.every((v) => v.stock <= 5)).toBe(true);
    expect(overview.lowStock.length).toBeGreaterThan(0);
  });
});
