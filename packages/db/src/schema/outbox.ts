import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * Email to send, written in the same transaction as the change that caused
 * it; a sender drains it with retries. Without a provider, a dev-only page
 * lists it.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What kind of message, e.g. `sign-up-confirm`, for templates and tests. */
    kind: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    /** Plain text. */
    body: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    sentAt: at(),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [index('outbox_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)],
);
