import { sql } from 'drizzle-orm';
import {
  bigserial,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * One incident per alert rule while it fires: opened when the scheduled run
 * first sees the rule over its threshold, resolved when it first sees it
 * back under. At most one open incident per rule (the partial unique index),
 * so two runs at once post it once. Each notification is marked when it was
 * sent, so that one that failed is sent by the next run.
 */
export const alertIncidents = pgTable(
  'alert_incidents',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    rule: text().notNull(),
    openedAt: at().notNull(),
    /** What was measured when it opened, and the threshold it crossed. */
    openedValue: doublePrecision().notNull(),
    threshold: doublePrecision().notNull(),
    openNotifiedAt: at(),
    resolvedAt: at(),
    resolvedValue: doublePrecision(),
    resolveNotifiedAt: at(),
  },
  (t) => [
    uniqueIndex('alert_incidents_open_key').on(t.rule).where(sql`${t.resolvedAt} is null`),
    index('alert_incidents_opened_idx').on(t.openedAt),
  ],
);
