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
    /** The provider's id for the delivered message. */
    providerId: text(),
    attempts: integer().notNull().default(0),
    /**
     * When a sender may next try it: now for a new message, a lease while one
     * sender holds it, a back-off after a failure.
     */
    nextAttemptAt: at().notNull().defaultNow(),
    /** Set when it will never be sent: refused by the provider, or out of attempts. */
    gaveUpAt: at(),
    lastError: text(),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.gaveUpAt} is null`),
  ],
);
