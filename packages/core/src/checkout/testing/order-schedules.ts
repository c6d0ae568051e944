import {
  and,
  auditLog,
  cartItems,
  carts,
  type Database,
  eq,
  inArray,
  orderItems,
  orders,
  outbox,
  paymentEvents,
  products,
  productVariants,
  promotionRedemptions,
  promotions,
  shipmentLines,
  shipments,
  sql,
  users,
} from '@edgecart/db';
import type { PaymentEvent, Payments } from '@edgecart/payments';
import fc from 'fast-check';
import { addToCart } from '../../cart/change-cart.ts';
import { DomainError } from '../../errors.ts';
import { cancelPaidOrder } from '../../fulfilment/cancel-order.ts';
import { shipOrder } from '../../fulfilment/ship-order.ts';
import { sweepExpiredOrders } from '../../orders/sweep-expired-orders.ts';
import { savePromotion } from '../../promotions/admin-promotions.ts';
import { applyDiscountCode } from '../../promotions/cart-discount.ts';
import { type Fault, faultyDatabase, InjectedFault } from '../../testing/faulty-database.ts';
import { paidEvent } from '../../testing/paid-event.ts';
import { applyPaymentEvent } from '../apply-payment-event.ts';
import { cancelPendingOrder } from '../order-lifecycle.ts';
import { cancelCheckout, startCheckout } from '../start-checkout.ts';
import {
  CODE_PERCENT_OFF,
  cancelPaidSteps,
  cancelSteps,
  checkoutFailureEnds,
  checkoutSteps,
  type deliver,
  type ModelEventKind,
  type ModelState,
  PARTIAL_REFUND,
  payOnPage,
  ship,
  sweepSteps,
  WRONG_AMOUNT_EXTRA,
} from './order-model.ts';

/**
 * Random schedules of checkouts, payment events (duplicated, reordered),
 * sweeps and injected database failures, run against the real code and the
 * reference model side by side. After every command the database must be in
 * the model's state; after a failed command, in the state of some prefix of
 * its atomic steps (each step is all or nothing).
 */

const UNIT_PRICE = 1500;
const SHOPPERS = 2;

/** What a run holds: the database, the payment provider, and this schedule's rows. */
export interface World {
  db: Database;
  payments: Pick<Payments, 'createCheckout' | 'expireCheckout'>;
  /**
   * Where a cancel's refund is sent: it takes every refund, as the provider
   * does for a real charge (the schedules' payments are events, with no charge
   * behind them at the stand-in). Its events come as schedule deliveries.
   */
  refunds: Pick<Payments, 'refund'>;
  /** The provider's "Pay" on a session's page (the stand-in's), without delivering its event. */
  payOnPage: (sessionId: string, email: string) => void;
  /** The provider's state of a stored page. */
  pageOf: (sessionId: string) => 'open' | 'completed' | 'closed';
  run: string;
  variantId: string;
  /** The schedule's own discount code. */
  promotionId: string;
  shoppers: { userId: string; email: string; cartId: string }[];
  /** How the model applies a payment event: the reference, or a deliberately wrong one. */
  deliver: typeof deliver;
  stats: ScheduleStats;
}

/** What the schedules did, for the test's report. */
export interface ScheduleStats {
  commands: number;
  faultsFired: number;
  refusals: number;
  finalStatuses: Record<string, number>;
  /** Orders that ended with a parcel shipped. */
  shippedOrders: number;
  /** Orders that ended with a refund asked by a cancel. */
  cancelledPaid: number;
  /** Orders that were placed with the code. */
  withCode: number;
}

export const emptyStats = (): ScheduleStats => ({
  commands: 0,
  faultsFired: 0,
  refusals: 0,
  finalStatuses: {},
  shippedOrders: 0,
  cancelledPaid: 0,
  withCode: 0,
});

interface Model {
  state: ModelState;
}

/** What the database holds for a schedule, in the model's terms. */
export async function observe(world: World): Promise<ModelState> {
  const { db } = world;
  const cartIds = world.shoppers.map((s) => s.cartId);
  const ofSchedule = inArray(orders.cartId, cartIds);
  // Independent reads, at once: on a pool they share the round trips.
  const [
    [variant],
    rows,
    audits,
    lines,
    emails,
    events,
    shippedUnits,
    [promotion],
    held,
    cartCodes,
  ] = await Promise.all([
    db
      .select({ stock: productVariants.stock })
      .from(productVariants)
      .where(eq(productVariants.id, world.variantId)),
    db.select().from(orders).where(ofSchedule).orderBy(orders.number),
    db
      .select({ id: auditLog.entityId, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          db
            .select({ id: sql`${orders.id}::text` })
            .from(orders)
            .where(ofSchedule),
        ),
      )
      .groupBy(auditLog.entityId),
    db
      .select({ cartId: cartItems.cartId, quantity: cartItems.quantity })
      .from(cartItems)
      .where(inArray(cartItems.cartId, cartIds)),
    db
      .select({ to: outbox.to, n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(
        inArray(
          outbox.to,
          world.shoppers.map((s) => s.email),
        ),
      )
      .groupBy(outbox.to),
    db
      .select({ id: paymentEvents.id })
      .from(paymentEvents)
      .where(sql`starts_with(${paymentEvents.id}, ${`evt_${world.run}_`})`)
      .orderBy(paymentEvents.id),
    db
      .select({
        orderId: shipments.orderId,
        units: sql<number>`coalesce(sum(${shipmentLines.quantity}), 0)::int`,
      })
      .from(shipments)
      .innerJoin(shipmentLines, eq(shipmentLines.shipmentId, shipments.id))
      .where(
        inArray(shipments.orderId, db.select({ id: orders.id }).from(orders).where(ofSchedule)),
      )
      .groupBy(shipments.orderId),
    db
      .select({ timesUsed: promotions.timesUsed, usageLimit: promotions.usageLimit })
      .from(promotions)
      .where(eq(promotions.id, world.promotionId)),
    db
      .select({ orderId: promotionRedemptions.orderId })
      .from(promotionRedemptions)
      .where(
        and(
          eq(promotionRedemptions.promotionId, world.promotionId),
          sql`${promotionRedemptions.status} <> 'released'`,
        ),
      ),
    db
      .select({ id: carts.id, code: carts.discountCode })
      .from(carts)
      .where(inArray(carts.id, cartIds)),
  ]);
  const stock = variant?.stock ?? Number.NaN;
  return {
    now: 0,
    stock,
    carts: world.shoppers.map((s) =>
      lines.filter((l) => l.cartId === s.cartId).reduce((sum, l) => sum + l.quantity, 0),
    ),
    orders: rows.map((row) => ({
      shopper: cartIds.indexOf(row.cartId ?? ''),
      quantity: row.subtotal / UNIT_PRICE,
      total: row.total,
      status: row.status as ModelState['orders'][number]['status'],
      paid: row.paidAt !== null,
      stockHeld: row.stockReleasedAt === null,
      amountPaid: row.amountPaid,
      amountRefunded: row.amountRefunded,
      audits: audits.find((a) => a.id === row.id)?.n ?? 0,
      expiresAt: row.expiresAt.getTime(),
      hasPage: row.checkoutSessionId !== null,
      page: row.checkoutSessionId ? world.pageOf(row.checkoutSessionId) : ('none' as const),
      shipped: shippedUnits.find((s) => s.orderId === row.id)?.units ?? 0,
      refundRequested: row.amountRefundRequested,
      discount: row.discountAmount,
      codeHeld: held.some((h) => h.orderId === row.id),
    })),
    events: events.map((e) => e.id),
    emails: world.shoppers.map((s) => emails.find((e) => e.to === s.email)?.n ?? 0),
    codes: world.shoppers.map((s) => Boolean(cartCodes.find((c) => c.id === s.cartId)?.code)),
    codeUses: promotion?.timesUsed ?? Number.NaN,
    codeLimit: promotion?.usageLimit ?? Number.NaN,
  };
}

/** The observable part of a state, for comparing (the clock is the model's own). */
const comparable = (state: ModelState) =>
  JSON.stringify({
    ...state,
    now: 0,
    events: [...state.events].sort(),
  });

/**
 * Runs one command against the database with the fault (if any), then checks
 * the outcome against the model's candidates: the whole command's end state
 * when nothing failed, any prefix of its steps when the database failed.
 */
async function step(
  model: Model,
  world: World,
  fault: Fault | null,
  command: (db: Database) => Promise<unknown>,
  candidates: { complete: ModelState; prefixes: ModelState[] },
  describe: string,
  providerDown = false,
): Promise<void> {
  const faulty = faultyDatabase(world.db, fault);
  let failure: unknown = null;
  try {
    await command(faulty.db);
  } catch (error) {
    failure = error;
  }
  world.stats.commands += 1;
  if (faulty.fired()) world.stats.faultsFired += 1;
  else if (failure) world.stats.refusals += 1;
  const seen = await observe(world);
  if (seen.stock < 0) throw new Error(`${describe}: stock went below zero (${seen.stock})`);
  const holding = seen.orders.filter((o) => o.codeHeld).length;
  if (seen.codeUses !== holding || seen.codeUses > seen.codeLimit) {
    throw new Error(
      `${describe}: the code counts ${seen.codeUses} uses (limit ${seen.codeLimit}), ${holding} orders hold one`,
    );
  }
  const injected =
    faulty.fired() ||
    failure instanceof InjectedFault ||
    (failure instanceof Error && failure.cause instanceof InjectedFault);
  if (failure && !injected && !isExpectedRefusal(failure, providerDown)) {
    throw new Error(`${describe}: failed without an injected fault: ${String(failure)}`, {
      cause: failure,
    });
  }
  const allowed = injected ? [...candidates.prefixes, candidates.complete] : [candidates.complete];
  const match = allowed.find((candidate) => comparable(candidate) === comparable(seen));
  if (!match) {
    throw new Error(
      [
        `${describe}${injected ? ' (with an injected database failure)' : ''}: the database diverged from the model`,
        `database: ${comparable(seen)}`,
        ...allowed.map((c, i) => `model ${i}: ${comparable(c)}`),
      ].join('\n'),
    );
  }
  model.state = { ...match, now: model.state.now };
}

/**
 * A refusal the shop gives on purpose (sold out, empty cart; provider down
 * when it is; a parcel or cancel the order's state does not allow): not a
 * divergence.
 */
function isExpectedRefusal(error: unknown, providerDown: boolean): boolean {
  if (!(error instanceof DomainError)) return false;
  return (
    error.kind === 'invalid_input' ||
    error.kind === 'conflict' ||
    (providerDown && error.kind === 'unavailable')
  );
}

const tick = (model: Model, ms: number) => {
  model.state = { ...model.state, now: model.state.now + ms };
};

class Checkout implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly shopper: number,
    readonly providerFails: boolean,
    readonly fault: Fault | null,
  ) {}
  check = () => true;
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const now = model.state.now;
    const { path } = checkoutSteps(model.state, this.shopper, UNIT_PRICE, this.providerFails);
    const last = path[path.length - 1] as ModelState;
    // A failure after the order was placed makes the checkout cancel it, as a provider failure does.
    const placedThenCancelled = checkoutFailureEnds(model.state, this.shopper, UNIT_PRICE);
    const shopper = world.shoppers[this.shopper];
    if (!shopper) throw new Error('no such shopper');
    const payments: World['payments'] = {
      expireCheckout: (id) => world.payments.expireCheckout(id),
      createCheckout: (request) =>
        this.providerFails
          ? Promise.reject(new Error('injected: the payment provider did not answer'))
          : world.payments.createCheckout(request),
    };
    await step(
      model,
      world,
      this.fault,
      (db) =>
        startCheckout(
          {
            db,
            clock: () => new Date(now),
            payments,
            origin: 'https://shop.example',
            clientKey: `198.51.100.${this.shopper}`,
          },
          {
            userId: shopper.userId,
          },
          { email: shopper.email },
        ),
      { complete: last, prefixes: [...path, ...placedThenCancelled] },
      this.toString(),
      this.providerFails,
    );
  }
  toString() {
    return `checkout(shopper ${this.shopper}${this.providerFails ? ', provider down' : ''}${faultText(this.fault)})`;
  }
}

class Deliver implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly order: number,
    readonly kind: ModelEventKind,
    readonly fault: Fault | null,
  ) {}
  check = (model: Readonly<Model>) =>
    this.kind === 'foreign' || this.order < model.state.orders.length;
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const now = model.state.now;
    const eventId = `evt_${world.run}_${this.kind === 'foreign' ? 'x' : this.order}_${this.kind}`;
    const row = this.kind === 'foreign' ? null : await orderRow(world, this.order);
    const event = paymentEventOf(eventId, this.kind, row, world.run);
    const complete = world.deliver(model.state, eventId, this.kind, this.order);
    await step(
      model,
      world,
      this.fault,
      (db) => applyPaymentEvent({ db, now: new Date(now), origin: 'https://shop.example' }, event),
      { complete, prefixes: [model.state] },
      this.toString(),
    );
  }
  toString() {
    return `deliver(${this.kind}${this.kind === 'foreign' ? '' : ` of order ${this.order}`}${faultText(this.fault)})`;
  }
}

class Sweep implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly minutes: number,
    readonly fault: Fault | null,
  ) {}
  check = () => true;
  async run(model: Model, world: World) {
    tick(model, this.minutes * 60_000 + 1_000);
    const now = model.state.now;
    const path = sweepSteps(model.state);
    await step(
      model,
      world,
      this.fault,
      (db) =>
        sweepExpiredOrders({ db, now: new Date(now) }, (id) => world.payments.expireCheckout(id)),
      { complete: path[path.length - 1] as ModelState, prefixes: path },
      this.toString(),
    );
  }
  toString() {
    return `sweep(after ${this.minutes} min${faultText(this.fault)})`;
  }
}

/** The row of the schedule's n-th order. */
async function orderRow(world: World, index: number) {
  const [row] = await world.db
    .select({
      id: orders.id,
      total: orders.total,
      subtotal: orders.subtotal,
      discountAmount: orders.discountAmount,
      checkoutSessionId: orders.checkoutSessionId,
    })
    .from(orders)
    .where(
      inArray(
        orders.cartId,
        world.shoppers.map((s) => s.cartId),
      ),
    )
    .orderBy(orders.number)
    .offset(index)
    .limit(1);
  if (!row) throw new Error(`no order ${index}`);
  return row;
}

class PayOnPage implements fc.AsyncCommand<Model, World> {
  constructor(readonly order: number) {}
  check = (model: Readonly<Model>) => model.state.orders[this.order]?.page === 'open';
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const row = await orderRow(world, this.order);
    const order = model.state.orders[this.order];
    const email = world.shoppers[order?.shopper ?? 0]?.email ?? '';
    const complete = payOnPage(model.state, this.order);
    await step(
      model,
      world,
      null,
      async () => world.payOnPage(row.checkoutSessionId ?? '', email),
      { complete, prefixes: [] },
      this.toString(),
    );
  }
  toString() {
    return `pay on the page of order ${this.order}`;
  }
}

class CancelByBackLink implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly order: number,
    readonly fault: Fault | null,
  ) {}
  check = (model: Readonly<Model>) => this.order < model.state.orders.length;
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const now = model.state.now;
    const row = await orderRow(world, this.order);
    const shopper = world.shoppers[model.state.orders[this.order]?.shopper ?? 0];
    const path = cancelSteps(model.state, this.order);
    await step(
      model,
      world,
      this.fault,
      (db) =>
        cancelCheckout(
          { db, clock: () => new Date(now), payments: world.payments },
          { userId: shopper?.userId ?? '' },
          row.id,
        ),
      { complete: path[path.length - 1] as ModelState, prefixes: path },
      this.toString(),
    );
  }
  toString() {
    return `back by the cancel link of order ${this.order}${faultText(this.fault)}`;
  }
}

/** The admin's deps for the schedule's clock. */
const adminDeps = (db: Database, now: number) => ({
  db,
  now: new Date(now),
  actor: 'admin:model',
  origin: 'https://shop.example',
});

class Ship implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly order: number,
    readonly quantity: number,
    readonly fault: Fault | null,
  ) {}
  check = (model: Readonly<Model>) => this.order < model.state.orders.length;
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const now = model.state.now;
    const row = await orderRow(world, this.order);
    const [item] = await world.db
      .select({ id: orderItems.id })
      .from(orderItems)
      .where(eq(orderItems.orderId, row.id));
    const complete = ship(model.state, this.order, this.quantity);
    await step(
      model,
      world,
      this.fault,
      (db) =>
        shipOrder(adminDeps(db, now), row.id, {
          lines: [{ orderItemId: item?.id ?? 0, quantity: this.quantity }],
          carrier: 'UPS',
          trackingNumber: `1Z${world.run}${this.order}`,
        }),
      { complete, prefixes: [model.state] },
      this.toString(),
    );
  }
  toString() {
    return `ship ${this.quantity} of order ${this.order}${faultText(this.fault)}`;
  }
}

class CancelPaid implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly order: number,
    readonly fault: Fault | null,
  ) {}
  check = (model: Readonly<Model>) => this.order < model.state.orders.length;
  async run(model: Model, world: World) {
    tick(model, 1_000);
    const now = model.state.now;
    const row = await orderRow(world, this.order);
    const path = cancelPaidSteps(model.state, this.order);
    await step(
      model,
      world,
      this.fault,
      (db) =>
        cancelPaidOrder(
          { ...adminDeps(db, now), payments: world.refunds },
          row.id,
          crypto.randomUUID(),
        ),
      { complete: path[path.length - 1] as ModelState, prefixes: path },
      this.toString(),
    );
  }
  toString() {
    return `cancel paid order ${this.order}${faultText(this.fault)}`;
  }
}

const faultText = (fault: Fault | null) =>
  fault
    ? `, database fails at statement ${fault.statement}${fault.afterCommit ? ' after commit' : ''}`
    : '';

function paymentEventOf(
  eventId: string,
  kind: ModelEventKind,
  order: { id: string; total: number; subtotal: number; discountAmount: number } | null,
  run: string,
): PaymentEvent {
  const orderId = order?.id ?? null;
  const total = order?.total ?? 0;
  const sessionId = `cs_test_${run}`;
  const paymentIntentId = `pi_${run}`;
  switch (kind) {
    case 'paid':
    case 'paid-wrong-amount':
      return paidEvent({
        eventId,
        orderId,
        sessionId,
        paymentIntentId,
        amount: kind === 'paid' ? total : total + WRONG_AMOUNT_EXTRA,
        subtotal: order?.subtotal ?? 0,
        discount: order?.discountAmount ?? 0,
        currency: 'EUR',
        email: null,
      });
    case 'expired':
      return { eventId, kind: 'checkout-expired', orderId, sessionId };
    case 'failed':
      return { eventId, kind: 'checkout-failed', orderId, sessionId };
    case 'refund-partial':
    case 'refund-full':
      return {
        eventId,
        kind: 'refunded',
        orderId,
        paymentIntentId,
        amount: total,
        amountRefunded: kind === 'refund-full' ? total : PARTIAL_REFUND,
        currency: 'EUR',
      };
    case 'foreign':
      return paidEvent({
        eventId,
        orderId: null,
        sessionId: `cs_test_elsewhere_${run}`,
        paymentIntentId: null,
        amount: 999,
        currency: 'EUR',
        email: null,
      });
  }
}

/** One command in five meets a failing database. */
const fault: fc.Arbitrary<Fault | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  {
    arbitrary: fc.record({ statement: fc.nat({ max: 14 }), afterCommit: fc.boolean() }),
    weight: 1,
  },
);

/** Events mostly for the first orders, so that they meet each other. */
const deliveries = fc
  .tuple(
    fc.constantFrom(0, 0, 0, 1, 1, 2),
    fc.constantFrom<ModelEventKind>(
      'paid',
      'paid',
      'paid-wrong-amount',
      'expired',
      'failed',
      'refund-partial',
      'refund-full',
      'foreign',
    ),
    fault,
  )
  .map(([order, kind, f]) => new Deliver(order, kind, f));

/** The commands a schedule is made of. */
export const scheduleCommands = fc.commands(
  [
    fc
      .tuple(
        fc.nat({ max: SHOPPERS - 1 }),
        fc.nat({ max: 9 }).map((n) => n < 2),
        fault,
      )
      .map(([shopper, down, f]) => new Checkout(shopper, down, f)),
    deliveries,
    deliveries,
    deliveries,
    fc.tuple(fc.constantFrom(0, 20, 40), fault).map(([minutes, f]) => new Sweep(minutes, f)),
    fc.constantFrom(0, 0, 1, 2).map((order) => new PayOnPage(order)),
    fc
      .tuple(fc.constantFrom(0, 0, 1, 2), fault)
      .map(([order, f]) => new CancelByBackLink(order, f)),
    fc
      .tuple(fc.constantFrom(0, 0, 1), fc.integer({ min: 1, max: 2 }), fault)
      .map(([order, quantity, f]) => new Ship(order, quantity, f)),
    fc.tuple(fc.constantFrom(0, 0, 1), fault).map(([order, f]) => new CancelPaid(order, f)),
  ],
  { maxCommands: 30, size: 'large' },
);

/** A schedule's starting point: its stock and what each shopper has in the cart. */
export const scheduleStart = fc.record({
  stock: fc.nat({ max: 4 }),
  quantities: fc.array(fc.integer({ min: 1, max: 3 }), {
    minLength: SHOPPERS,
    maxLength: SHOPPERS,
  }),
  /** Which carts carry the schedule's code, and how many uses it has. */
  codes: fc.array(fc.boolean(), { minLength: SHOPPERS, maxLength: SHOPPERS }),
  codeLimit: fc.integer({ min: 1, max: 2 }),
});

/**
 * Cancels what a schedule left pending, so that a later schedule's sweeper
 * (whose clock may be hours ahead) does not find it.
 */
export async function settle(world: World): Promise<void> {
  const pending = await world.db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        inArray(
          orders.cartId,
          world.shoppers.map((s) => s.cartId),
        ),
        eq(orders.status, 'pending'),
      ),
    );
  for (const order of pending) {
    await cancelPendingOrder({ db: world.db, now: new Date() }, order.id, 'test', 'order.settled');
  }
}

/** Makes a schedule's product, shoppers and carts, and the model's matching state. */
export async function setUpSchedule(
  base: Pick<World, 'db' | 'payments' | 'payOnPage' | 'pageOf' | 'deliver' | 'stats'>,
  start: { stock: number; quantities: number[]; codes: boolean[]; codeLimit: number },
  now: number,
): Promise<{ model: Model; world: World }> {
  const { db } = base;
  const run = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
  const [product] = await db
    .insert(products)
    .values({
      slug: `model-${run}`,
      title: 'Lantern',
      description: 'A lantern.',
      currency: 'EUR',
      // Its money flow, not its shipping (order-shipping's tests): nothing to post.
      requiresShipping: false,
    })
    .returning({ id: products.id });
  // Stock high enough to fill the carts first, then set to the schedule's.
  const [variant] = await db
    .insert(productVariants)
    .values({
      productId: product?.id ?? '',
      sku: `model-${run}`,
      title: 'One size',
      price: UNIT_PRICE,
      currency: 'EUR',
      stock: 99,
    })
    .returning({ id: productVariants.id });
  const variantId = variant?.id ?? '';
  const code = `M${run}`;
  const promotion = await savePromotion(
    { db, now: new Date(now), actor: 'admin:model' },
    { code, percentOff: CODE_PERCENT_OFF, usageLimit: start.codeLimit },
  );
  const shoppers: World['shoppers'] = [];
  for (const [i, quantity] of start.quantities.entries()) {
    const email = `model-${run}-${i}@example.com`;
    const [user] = await db
      .insert(users)
      .values({ email, passwordHash: 'x' })
      .returning({ id: users.id });
    const userId = user?.id ?? '';
    await addToCart({ db, now: new Date(now) }, { userId }, { variantId, quantity });
    if (start.codes[i]) await applyDiscountCode({ db, now: new Date(now) }, { userId }, { code });
    const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
    shoppers.push({ userId, email, cartId: cart?.id ?? '' });
  }
  await db
    .update(productVariants)
    .set({ stock: start.stock })
    .where(eq(productVariants.id, variantId));
  return {
    world: {
      ...base,
      run,
      variantId,
      promotionId: promotion.id,
      shoppers,
      refunds: { refund: async () => ({ refundId: `re_${crypto.randomUUID()}` }) },
    },
    model: {
      state: {
        now,
        stock: start.stock,
        carts: [...start.quantities],
        orders: [],
        events: [],
        emails: start.quantities.map(() => 0),
        codes: [...start.codes],
        codeUses: 0,
        codeLimit: start.codeLimit,
      },
    },
  };
}
