/**
 * The money path's events, counted beside the request metrics: the checkout
 * funnel (carts, checkouts, paid) and what should wake someone (failures,
 * orders needing review, refused webhooks, failed emails, a degraded cache).
 * The entries record them through BusinessMetrics; the alerts read them back.
 */
export const businessEvents = [
  'cart.created',
  'checkout.started',
  'checkout.paid',
  'checkout.failed',
  'order.needs_review',
  'webhook.refused',
  'email.failed',
  'cache.degraded',
] as const;

export type BusinessEvent = (typeof businessEvents)[number];

export interface BusinessEventDetail {
  /** Minor units (cents), for paid checkouts. */
  amount?: number;
  currency?: string;
  /** Why it failed or was refused, in a word: never an address, a token or an id. */
  reason?: string;
}

/** Where an entry records business events: Analytics Engine in the Worker, its stand-in locally. */
export interface BusinessMetrics {
  record(event: BusinessEvent, detail?: BusinessEventDetail): void;
}

/** For scripts and tests that count nothing. */
export const noBusinessMetrics: BusinessMetrics = { record() {} };

/** For tests: every event recorded, in order. */
export function collectBusinessMetrics(): BusinessMetrics & {
  events: { event: BusinessEvent; detail: BusinessEventDetail }[];
} {
  const events: { event: BusinessEvent; detail: BusinessEventDetail }[] = [];
  return {
    events,
    record(event, detail = {}) {
      events.push({ event, detail });
    },
  };
}
