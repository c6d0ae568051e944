import { ORDER_HOLD_MS } from '../place-order.ts';

/**
 * A small reference model of the money flow, for the model-based test: the
 * order state machine as the shop promises it, written without a database.
 * Every step is one atomic change (one transaction in the real code);
 * `checkout` and `sweep` are several steps, and a failure between two of them
 * leaves a state some prefix of the steps would have left.
 */

export type ModelStatus =
  | 'pending'
  | 'paid'
  | 'cancelled'
  | 'refunded'
  | 'partially_refunded'
  | 'needs_review';

export interface ModelOrder {
  shopper: number;
  quantity: number;
  total: number;
  status: ModelStatus;
  paid: boolean;
  stockHeld: boolean;
  amountPaid: number;
  amountRefunded: number;
  /** Audit-log rows written for the order. */
  audits: number;
  expiresAt: number;
  /** The order has its payment page (the session id is stored). */
  hasPage: boolean;
  /** The provider's side of its stored page: open, paid on, or closed (none before it is stored). */
  page: 'none' | 'open' | 'completed' | 'closed';
  /** Units shipped in parcels so far. */
  shipped: number;
  /** Refunds the shop asked the provider for (`amountRefundRequested`). */
  refundRequested: number;
  /** What the code took off it (0: placed without the code). */
  discount: number;
  /** It holds a use of the code (held while pending, kept once paid). */
  codeHeld: boolean;
}

export interface ModelState {
  now: number;
  stock: number;
  /** Quantity in each shopper's cart. */
  carts: number[];
  orders: ModelOrder[];
  /** Ids of the payment events recorded. */
  events: string[];
  /** Confirmation emails queued for each shopper. */
  emails: number[];
  /** Whether each shopper's cart carries the schedule's code. */
  codes: boolean[];
  /** The code's uses (`times_used`): always the orders that hold one. */
  codeUses: number;
  /** Its usage limit. */
  codeLimit: number;
}

/** The schedule's code: 20 % off, exact on the unit price (no rounding to model). */
export const CODE_PERCENT_OFF = 20;

export type ModelEventKind =
  | 'paid'
  | 'paid-wrong-amount'
  | 'expired'
  | 'failed'
  | 'refund-partial'
  | 'refund-full'
  | 'foreign';

export const PARTIAL_REFUND = 1000;
export const WRONG_AMOUNT_EXTRA = 100;

const clone = (state: ModelState): ModelState => structuredClone(state);

function paidStatus(amountPaid: number, amountRefunded: number): ModelStatus {
  if (amountRefunded <= 0) return 'paid';
  return amountRefunded >= amountPaid ? 'refunded' : 'partially_refunded';
}

/** Cancels an unpaid pending order and puts its stock back (one transaction). */
export function cancel(state: ModelState, index: number): ModelState {
  const order = state.orders[index];
  if (order?.status !== 'pending' || order.paid) return state;
  const next = clone(state);
  const o = next.orders[index] as ModelOrder;
  // The code's use before the stock, as every path gives them back.
  if (o.codeHeld) next.codeUses -= 1;
  o.codeHeld = false;
  if (o.stockHeld) next.stock += o.quantity;
  o.stockHeld = false;
  o.status = 'cancelled';
  o.audits += 1;
  return next;
}

/** Places a pending order from the shopper's cart (one transaction), or says why not. */
export function place(
  state: ModelState,
  shopper: number,
  unitPrice: number,
): { state: ModelState; placed: boolean } {
  const quantity = state.carts[shopper] ?? 0;
  if (quantity === 0 || state.stock < quantity) return { state, placed: false };
  // A code used up refuses the checkout: the shopper is told, nothing is reserved.
  const withCode = state.codes[shopper] === true;
  if (withCode && state.codeUses >= state.codeLimit) return { state, placed: false };
  const discount = withCode ? (quantity * unitPrice * CODE_PERCENT_OFF) / 100 : 0;
  const next = clone(state);
  next.stock -= quantity;
  if (withCode) next.codeUses += 1;
  next.orders.push({
    shopper,
    quantity,
    total: quantity * unitPrice - discount,
    status: 'pending',
    paid: false,
    stockHeld: true,
    amountPaid: 0,
    amountRefunded: 0,
    audits: 1,
    expiresAt: state.now + ORDER_HOLD_MS,
    hasPage: false,
    page: 'none',
    shipped: 0,
    refundRequested: 0,
    discount,
    codeHeld: withCode,
  });
  return { state: next, placed: true };
}

/** The pending, unpaid orders of a shopper's cart, oldest first. */
export const pendingOf = (state: ModelState, shopper: number) =>
  state.orders.flatMap((o, i) =>
    o.shopper === shopper && o.status === 'pending' && !o.paid ? [i] : [],
  );

/** The provider's page of an order changes (not a database step). */
function withPage(state: ModelState, index: number, page: ModelOrder['page']): ModelState {
  const next = clone(state);
  const order = next.orders[index];
  if (order) order.page = page;
  return next;
}

/**
 * A checkout, step by step: in one transaction, earlier pending orders of the
 * cart are cancelled and the new order placed (or nothing, when it cannot
 * be); then its page is made and stored, or (when the provider fails) the
 * order is cancelled again. `path` is the states after each step.
 */
export function checkoutSteps(
  state: ModelState,
  shopper: number,
  unitPrice: number,
  providerFails: boolean,
): { path: ModelState[]; outcome: 'page' | 'refused' | 'unavailable' } {
  const earlier = pendingOf(state, shopper);
  const released = earlier.reduce((current, index) => cancel(current, index), state);
  const placed = place(released, shopper, unitPrice);
  if (!placed.placed) return { path: [state], outcome: 'refused' };
  // After the transaction, the replaced orders' pages are closed (a paid one stays paid).
  const closed = earlier.reduce(
    (current, index) =>
      current.orders[index]?.page === 'open' ? withPage(current, index, 'closed') : current,
    placed.state,
  );
  const index = closed.orders.length - 1;
  if (providerFails) {
    return { path: [state, placed.state, closed, cancel(closed, index)], outcome: 'unavailable' };
  }
  const attached = withPage(closed, index, 'open');
  (attached.orders[index] as ModelOrder).hasPage = true;
  return { path: [state, placed.state, closed, attached], outcome: 'page' };
}

/**
 * Where a checkout ends when the database fails after its order was placed:
 * the order is cancelled again, with or without its page stored (a stored
 * page whose answer was lost is closed).
 */
export function checkoutFailureEnds(state: ModelState, shopper: number, unitPrice: number) {
  const { path, outcome } = checkoutSteps(state, shopper, unitPrice, false);
  if (outcome !== 'page') return [];
  const [, , closed, attached] = path as [ModelState, ModelState, ModelState, ModelState];
  const index = attached.orders.length - 1;
  return [cancel(closed, index), cancel(withPage(attached, index, 'closed'), index)];
}

/** The shopper pays on the order's open page; its event is not delivered yet. */
export const payOnPage = (state: ModelState, index: number): ModelState =>
  withPage(state, index, 'completed');

/**
 * The shopper comes back by the page's cancel link: the page is closed and
 * the order cancelled, unless it was paid on the page (then nothing changes).
 */
export function cancelSteps(state: ModelState, index: number): ModelState[] {
  const order = state.orders[index];
  if (order?.status !== 'pending' || order.paid) return [state];
  if (order.page === 'completed') return [state];
  if (order.page !== 'open') return [state, cancel(state, index)];
  const closed = withPage(state, index, 'closed');
  return [state, closed, cancel(closed, index)];
}

/** A payment event for the order at `index`, applied once (one transaction). */
export function deliver(
  state: ModelState,
  eventId: string,
  kind: ModelEventKind,
  index: number,
): ModelState {
  if (state.events.includes(eventId)) return state;
  const next = clone(state);
  next.events.push(eventId);
  const order = kind === 'foreign' ? undefined : next.orders[index];
  if (!order) return next;
  switch (kind) {
    case 'paid':
    case 'paid-wrong-amount': {
      if (order.paid || order.status === 'needs_review') return next;
      const amount = kind === 'paid' ? order.total : order.total + WRONG_AMOUNT_EXTRA;
      order.audits += 1;
      if (amount !== order.total) {
        order.status = 'needs_review';
        order.amountPaid = amount;
        return next;
      }
      if (!order.stockHeld) {
        // Paid after it was cancelled: the code's use and the stock again, all or nothing.
        const codeGone = order.discount > 0 && next.codeUses >= next.codeLimit;
        if (codeGone || next.stock < order.quantity) {
          order.status = 'needs_review';
          order.amountPaid = amount;
          return next;
        }
        next.stock -= order.quantity;
        order.stockHeld = true;
        if (order.discount > 0) {
          next.codeUses += 1;
          order.codeHeld = true;
        }
      }
      order.paid = true;
      order.amountPaid = amount;
      order.status = paidStatus(amount, order.amountRefunded);
      next.carts[order.shopper] = 0;
      next.codes[order.shopper] = false;
      next.emails[order.shopper] = (next.emails[order.shopper] ?? 0) + 1;
      return next;
    }
    case 'expired':
    case 'failed':
      return cancel(next, index);
    case 'refund-partial':
    case 'refund-full': {
      const refunded = kind === 'refund-full' ? order.total : PARTIAL_REFUND;
      const amountRefunded = Math.max(order.amountRefunded, refunded);
      if (amountRefunded === order.amountRefunded) return next;
      order.amountRefunded = amountRefunded;
      if (order.paid && order.status !== 'needs_review') {
        order.status = paidStatus(order.amountPaid, amountRefunded);
      }
      order.audits += 1;
      return next;
    }
    case 'foreign':
      return next;
  }
}

/** What is left to refund: nothing unless paid; else paid less the larger of refunded and asked. */
export function refundableLeft(order: ModelOrder): number {
  if (!order.paid || (order.status !== 'paid' && order.status !== 'partially_refunded')) return 0;
  return Math.max(0, order.amountPaid - Math.max(order.amountRefunded, order.refundRequested));
}

/**
 * An admin ships `quantity` units of a paid order in a parcel (one
 * transaction): refused unless the order is paid (or partly refunded), not
 * being refunded in full, and has that many left to ship. The shopper is
 * emailed the tracking.
 */
export function ship(state: ModelState, index: number, quantity: number): ModelState {
  const order = state.orders[index];
  if (!order || refundableLeft(order) === 0 || order.shipped + quantity > order.quantity) {
    return state;
  }
  const next = clone(state);
  const o = next.orders[index] as ModelOrder;
  o.shipped += quantity;
  o.audits += 1;
  next.emails[o.shopper] = (next.emails[o.shopper] ?? 0) + 1;
  return next;
}

/**
 * An admin cancels a paid order that has not shipped, step by step: the full
 * refund is counted (one transaction), the provider takes it, then the stock
 * goes back (a second transaction). Refused when anything has shipped or
 * nothing is left to refund. The order turns refunded when the provider's
 * refund event lands.
 */
export function cancelPaidSteps(state: ModelState, index: number): ModelState[] {
  const order = state.orders[index];
  if (!order || order.shipped > 0) return [state];
  const left = refundableLeft(order);
  if (left === 0) return [state];
  const counted = clone(state);
  const o = counted.orders[index] as ModelOrder;
  o.refundRequested = Math.max(o.amountRefunded, o.refundRequested) + left;
  o.audits += 1;
  const sent = clone(counted);
  const s = sent.orders[index] as ModelOrder;
  if (s.stockHeld) sent.stock += s.quantity;
  s.stockHeld = false;
  s.audits += 1;
  return [state, counted, sent];
}

/** The sweeper: pending orders past their hold are cancelled, the longest overdue first. */
export function sweepSteps(state: ModelState): ModelState[] {
  const due = state.orders
    .flatMap((o, i) => (o.status === 'pending' && !o.paid && o.expiresAt < state.now ? [i] : []))
    .sort((a, b) => (state.orders[a]?.expiresAt ?? 0) - (state.orders[b]?.expiresAt ?? 0));
  const path = [state];
  let current = state;
  for (const index of due) {
    // Paid on its page, the event still on the way: not abandoned, left alone.
    if (current.orders[index]?.page === 'completed') continue;
    if (current.orders[index]?.page === 'open') {
      current = withPage(current, index, 'closed');
      path.push(current);
    }
    current = cancel(current, index);
    path.push(current);
  }
  return path;
}
