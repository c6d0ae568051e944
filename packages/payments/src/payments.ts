/**
 * The payment provider as the rest of the shop sees it: plain shapes, never
 * a raw Stripe object. `packages/payments/src/stripe-payments.ts` is the one
 * module that speaks Stripe.
 */
export interface CheckoutLine {
  name: string;
  /** Integer minor units. */
  unitAmount: number;
  quantity: number;
  /** The product's tax code (Stripe Tax's `txcd_…`), used when the request has `tax`. */
  taxCode?: string | undefined;
}

/** One delivery choice on the payment page, priced by the shop. */
export interface CheckoutShippingOption {
  /** The shop's rate, kept on the provider's rate as metadata. */
  rateId: string;
  name: string;
  /** Integer minor units, in the checkout's currency. */
  amount: number;
  /** The delivery estimate, in business days. */
  minDays: number;
  maxDays: number;
}

/** What the shop charges tax with: the provider's automatic tax, prices exclusive or inclusive. */
export interface CheckoutTax {
  behavior: 'exclusive' | 'inclusive';
  /** The tax code of the shipping options (Stripe's `txcd_92010001`, shipping). */
  shippingTaxCode: string;
}

/** A discount on the whole order, in minor units of the checkout's currency. */
export interface CheckoutDiscount {
  amount: number;
  /** What the page calls it: the codes and promotions applied. */
  name: string;
}

/** A postal address as the payment page collected it. */
export interface CollectedAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface CheckoutRequest {
  orderId: string;
  currency: string;
  lines: CheckoutLine[];
  /** The signed-in shopper's address; a guest gives theirs on the payment page. */
  email: string | null;
  /**
   * What the page asks for posting: the countries it may ship to and the
   * options it offers (priced by the shop, never by the browser). Null: the
   * order has nothing to post, and the page asks no address.
   */
  shipping: { allowedCountries: string[]; options: CheckoutShippingOption[] } | null;
  /** Null: no tax is charged. */
  tax: CheckoutTax | null;
  /**
   * What the shop's promotions take off the items, worked out by the shop:
   * the page shows it as one discount, and tax is computed after it. Null:
   * no discount.
   */
  discount: CheckoutDiscount | null;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** Derived from the order: a retried create makes no second session. */
  idempotencyKey: string;
}

export interface RefundRequest {
  orderId: string;
  /** The payment to refund, as the paid event named it. */
  paymentIntentId: string;
  /** Integer minor units, at most what is left unrefunded. */
  amount: number;
  /** Derived from the order and what was refunded before: a double submit refunds once. */
  idempotencyKey: string;
}

export interface CheckoutSession {
  sessionId: string;
  url: string;
  /** The provider's id of each shipping option, in the request's order (the paid event names one). */
  shippingRateIds: string[];
}

/** What a verified webhook event means for the shop. */
export type PaymentEvent = { eventId: string } & (
  | {
      kind: 'checkout-paid';
      orderId: string | null;
      sessionId: string;
      paymentIntentId: string | null;
      /** The total paid: subtotal - discount + shipping, + tax when prices exclude it. */
      amount: number;
      currency: string;
      email: string | null;
      /** The items' total before discounts (with inclusive prices, tax included). */
      subtotal: number;
      discount: number;
      shipping: { amount: number; providerRateId: string | null } | null;
      /** All tax in the total, whether added on top or included in the prices. */
      tax: number;
      /** Where to post it; null when the page asked no address. */
      shippingDetails: { name: string; address: CollectedAddress } | null;
    }
  | { kind: 'checkout-failed' | 'checkout-expired'; orderId: string | null; sessionId: string }
  | {
      kind: 'refunded';
      orderId: string | null;
      paymentIntentId: string | null;
      amount: number;
      amountRefunded: number;
      currency: string;
    }
  /** An event the shop does not act on (or a completed session still awaiting its payment). */
  | { kind: 'ignored'; type: string }
);

/** The signature is missing, forged, for another secret, or too old: answer 400, apply nothing. */
export class InvalidWebhookError extends Error {
  override name = 'InvalidWebhookError';
}

export interface Payments {
  readonly provider: string;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /**
   * Closes an open session so it can no longer be paid; one that is not open
   * is left alone. Says which it is now: `closed` (expired), or `completed`
   * (the shopper paid, or is paying by a delayed method): then the order must
   * not be cancelled, its payment event is on its way.
   */
  expireCheckout(sessionId: string): Promise<'closed' | 'completed'>;
  /**
   * Refunds part or all of a payment. The order changes only when the
   * provider's refund event arrives (`refunded`), like every other payment
   * state change.
   */
  refund(request: RefundRequest): Promise<{ refundId: string }>;
  /** Verifies the raw body against its signature header and says what the event means. */
  parseWebhook(rawBody: string, signature: string | null): Promise<PaymentEvent>;
}
