import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { productVariants } from './catalog.ts';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * An order's life: `pending` while its stock is reserved and the payment is
 * open; then `paid`, `cancelled` (stock released), `refunded` or
 * `partially_refunded`. A payment that does not match the order is
 * `needs_review`, never `paid`.
 */
export const orderStatuses = [
  'pending',
  'paid',
  'cancelled',
  'refunded',
  'partially_refunded',
  'needs_review',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** How much of a paid order has left the warehouse, beside its payment status. */
export const fulfilmentStatuses = [
  'unfulfilled',
  'partially_shipped',
  'shipped',
  'delivered',
] as const;
export type FulfilmentStatus = (typeof fulfilmentStatuses)[number];

/**
 * A shipping choice the payment page offered, as the order keeps it: the
 * shop's rate, what it cost, and the provider's id for it (which the paid
 * event names).
 */
export interface ShippingOffer {
  rateId: string;
  name: string;
  amount: number;
  providerRateId: string | null;
}

/** A postal address as Checkout collects it. */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A short number to quote to the shop, e.g. 1042. */
    number: bigserial({ mode: 'number' }).notNull(),
    /** The shopper's account; null for a guest, or once the account is deleted. */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Where the confirmation goes: the account's, or what the guest gave at checkout. */
    email: text(),
    status: text({ enum: orderStatuses }).notNull().default('pending'),
    currency: text().notNull(),
    /** Integer minor units: the sum of the items, copied at purchase. */
    subtotal: integer().notNull(),
    /** Off the subtotal, before tax. */
    discountAmount: integer().notNull().default(0),
    /** What the discount is called on the order's pages: its codes and automatic offers. */
    discountLabel: text(),
    shippingAmount: integer().notNull().default(0),
    /** Tax charged on top (exclusive prices); with inclusive prices, the part of the total that is tax. */
    taxAmount: integer().notNull().default(0),
    total: integer().notNull(),
    /** The country chosen before paying, whose zone's rates were offered; null: nothing to ship. */
    shipToCountry: text(),
    /** The rates the payment page offered: the paid event's shipping must be one of them. */
    shippingOffers: jsonb().$type<ShippingOffer[]>(),
    /** How the payment page charged tax: null when tax was off for this order. */
    taxBehavior: text({ enum: ['exclusive', 'inclusive'] }),
    /** The rate the shopper picked on the payment page, copied: rates change later. */
    shippingRateId: uuid(),
    shippingRateName: text(),
    /** From the completed checkout. */
    shippingName: text(),
    shippingAddress: jsonb().$type<PostalAddress>(),
    fulfilmentStatus: text({ enum: fulfilmentStatuses }).notNull().default('unfulfilled'),
    amountPaid: integer().notNull().default(0),
    /** What the provider's refund events say was refunded, its running total. */
    amountRefunded: integer().notNull().default(0),
    /**
     * The shop's own count of refunds: raised when a refund is asked of the
     * provider, before its event lands, and lowered again if the provider
     * refuses it. What is left to refund is `amountPaid` less the larger of
     * this and `amountRefunded` (which also counts refunds made elsewhere).
     */
    amountRefundRequested: integer().notNull().default(0),
    /** The cart it was placed from: emptied once the order is paid. */
    cartId: text(),
    /**
     * The client that placed it, for the cap on the stock one client holds in
     * unpaid checkouts: SHA-256 of its address key (an IPv6 /64, an IPv4
     * address), never the address. Null when placed other than over the API.
     */
    clientKey: text(),
    /** The payment provider's checkout session, once created. */
    checkoutSessionId: text(),
    paymentIntentId: text(),
    /** A pending order past this is swept: cancelled, its stock released. */
    expiresAt: at().notNull(),
    /** Set once the reserved stock went back, so that it goes back once only. */
    stockReleasedAt: at(),
    reviewReason: text(),
    /** A guest's order link (emailed with the confirmation): SHA-256 of its secret, and its end. */
    guestLinkHash: text(),
    guestLinkExpiresAt: at(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
    paidAt: at(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_checkout_session_key').on(t.checkoutSessionId),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    index('orders_pending_client_idx').on(t.clientKey).where(sql`${t.status} = 'pending'`),
    check(
      'orders_status_check',
      sql`${t.status} in ('pending', 'paid', 'cancelled', 'refunded', 'partially_refunded', 'needs_review')`,
    ),
    check('orders_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'orders_amounts_check',
      sql`${t.subtotal} >= 0 and ${t.total} >= 0 and ${t.amountPaid} >= 0 and ${t.amountRefunded} >= 0 and ${t.amountRefundRequested} >= 0`,
    ),
    check(
      'orders_charges_check',
      sql`${t.discountAmount} >= 0 and ${t.shippingAmount} >= 0 and ${t.taxAmount} >= 0`,
    ),
    check(
      'orders_tax_behavior_check',
      sql`${t.taxBehavior} is null or ${t.taxBehavior} in ('exclusive', 'inclusive')`,
    ),
    check(
      'orders_fulfilment_check',
      sql`${t.fulfilmentStatus} in ('unfulfilled', 'partially_shipped', 'shipped', 'delivered')`,
    ),
    check(
      'orders_ship_to_check',
      sql`${t.shipToCountry} is null or ${t.shipToCountry} ~ '^[A-Z]{2}$'`,
    ),
  ],
);

/**
 * A refund asked of the provider is `requested` (counted in the order's
 * `amountRefundRequested` before the provider is called), then `sent` once
 * the provider took it, or `failed` (no longer counted) if it refused.
 */
export const refundStatuses = ['requested', 'sent', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/**
 * One refund request of an admin. Its id makes the provider's idempotency
 * key, so two equal refunds are two refunds; the refund form's own key
 * (`requestKey`) makes a double submit of one form one refund.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    requestKey: uuid().notNull(),
    /** Integer minor units. */
    amount: integer().notNull(),
    /** Whether the admin asked for the items to go back in stock. */
    restock: boolean().notNull(),
    /** Whether this refund put them back (an order's stock goes back once). */
    restocked: boolean().notNull().default(false),
    status: text({ enum: refundStatuses }).notNull().default('requested'),
    /** The provider's refund, once it took it. */
    providerRefundId: text(),
    /** `admin:<id>`. */
    requestedBy: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refunds_order_request_key').on(t.orderId, t.requestKey),
    check('refunds_amount_check', sql`${t.amount} > 0`),
    check('refunds_status_check', sql`${t.status} in ('requested', 'sent', 'failed')`),
  ],
);

/** What was bought, copied at purchase: later price or title changes leave it alone. */
export const orderItems = pgTable(
  'order_items',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The variant, while it exists: stock goes back to it on release. */
    variantId: uuid().references(() => productVariants.id, { onDelete: 'set null' }),
    productTitle: text().notNull(),
    variantTitle: text().notNull(),
    sku: text().notNull(),
    unitPrice: integer().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    check('order_items_quantity_check', sql`${t.quantity} between 1 and 99`),
    check('order_items_price_check', sql`${t.unitPrice} >= 0`),
  ],
);

/**
 * Append-only: who changed what, before and after. Every order state change
 * writes a row in the same transaction; the admin's writes will too.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: at().notNull().defaultNow(),
    /** `system`, `checkout`, `webhook:<event id>`, `sweeper`, `user:<id>`, `admin:<id>`. */
    actor: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id)],
);

/**
 * Every payment event applied or deliberately ignored, by the provider's
 * event id: the dedup table. Written in the transaction that applies the
 * event, so a redelivered event finds its row and changes nothing.
 */
export const paymentEvents = pgTable('payment_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  orderId: uuid(),
  /** What applying it did: `paid`, `cancelled`, `refunded`, `no-change`, `ignored: …`. */
  outcome: text().notNull(),
  receivedAt: at().notNull().defaultNow(),
});
