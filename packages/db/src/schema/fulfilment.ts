import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orderItems, orders } from './orders.ts';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/** A parcel that left for the shopper: some or all of an order's items. */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    carrier: text().notNull(),
    trackingNumber: text().notNull(),
    /** From the carrier's template at the time it shipped. */
    trackingUrl: text(),
    /** `admin:<id>`. */
    createdBy: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    deliveredAt: at(),
  },
  (t) => [index('shipments_order_idx').on(t.orderId, t.createdAt)],
);

/** How many of one order item a shipment holds. */
export const shipmentLines = pgTable(
  'shipment_lines',
  {
    shipmentId: uuid()
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    orderItemId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.orderItemId] }),
    index('shipment_lines_item_idx').on(t.orderItemId),
    check('shipment_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);
