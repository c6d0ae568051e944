import {
  and,
  asc,
  carts,
  type Database,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  notExists,
  or,
  orders,
  outbox,
  passwordResets,
  paymentEvents,
  pendingSignUps,
  sessions,
  sql,
} from '@edgecart/db';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the shop keeps what it stores, for the rows a scheduled run
 * removes (docs/operations.md has the whole table, with what the platform
 * keeps). Each rule is one delete below, tested in retention.contract.ts.
 */
export const RETENTION = {
  /** A guest's cart: 30 days after its last change (a signed-in shopper's cart stays). */
  guestCartMs: 30 * DAY_MS,
  /** Emails, with their bodies (names, addresses, order links): 30 days once sent or given up. */
  sentEmailMs: 30 * DAY_MS,
  /**
   * Payment events, the dedup table: 90 days. Stripe retries a delivery for
   * 3 days and lists events for 30; applying one again changes nothing anyway.
   */
  paymentEventMs: 90 * DAY_MS,
} as const;

/** At most this many rows of each kind per run: a run stays short, the next goes on. */
export const RETENTION_BATCH = 2_000;

export interface RetentionRun {
  sessions: number;
  signUps: number;
  passwordResets: number;
  guestCarts: number;
  emails: number;
  paymentEvents: number;
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/**
 * Removes what the shop no longer keeps (RETENTION), oldest first, at most
 * RETENTION_BATCH rows of each kind. Never the audit log: the database
 * refuses that (migration 0018). Sessions, sign-up links and password-reset
 * links go once they expire. Safe to run concurrently: each delete picks its
 * rows with SKIP LOCKED.
 */
export async function enforceRetention(deps: {
  db: Database;
  now: Date;
  batch?: number;
}): Promise<RetentionRun> {
  const { db, now } = deps;
  const limit = deps.batch ?? RETENTION_BATCH;
  // Sessions, sign-up links and reset links: the same columns, gone once expired.
  const expired = async (
    table: typeof sessions | typeof pendingSignUps | typeof passwordResets,
  ) => {
    const oldest = db
      .select({ id: table.id })
      .from(table)
      .where(lt(table.expiresAt, now))
      .orderBy(asc(table.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return db.delete(table).where(inArray(table.id, oldest)).returning({ id: table.id });
  };
  const sessionRows = await expired(sessions);
  const signUpRows = await expired(pendingSignUps);
  const resetRows = await expired(passwordResets);
  // A cart an unpaid order was placed from stays until that order is settled.
  const cartRows = await db
    .delete(carts)
    .where(
      inArray(
        carts.id,
        db
          .select({ id: carts.id })
          .from(carts)
          .where(
            and(
              isNull(carts.userId),
              lt(carts.updatedAt, ago(now, RETENTION.guestCartMs)),
              notExists(
                db
                  .select({ one: sql`1` })
                  .from(orders)
                  .where(and(eq(orders.cartId, carts.id), eq(orders.status, 'pending'))),
              ),
            ),
          )
          .orderBy(asc(carts.updatedAt))
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ id: carts.id });
  // An email still due (neither sent nor given up) is never removed.
  const emailRows = await db
    .delete(outbox)
    .where(
      inArray(
        outbox.id,
        db
          .select({ id: outbox.id })
          .from(outbox)
          .where(
            and(
              or(isNotNull(outbox.sentAt), isNotNull(outbox.gaveUpAt)),
              lt(outbox.createdAt, ago(now, RETENTION.sentEmailMs)),
            ),
          )
          .orderBy(asc(outbox.createdAt))
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ id: outbox.id });
  const eventRows = await db
    .delete(paymentEvents)
    .where(
      inArray(
        paymentEvents.id,
        db
          .select({ id: paymentEvents.id })
          .from(paymentEvents)
          .where(lt(paymentEvents.receivedAt, ago(now, RETENTION.paymentEventMs)))
          .orderBy(asc(paymentEvents.receivedAt))
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ id: paymentEvents.id });
  return {
    sessions: sessionRows.length,
    signUps: signUpRows.length,
    passwordResets: resetRows.length,
    guestCarts: cartRows.length,
    emails: emailRows.length,
    paymentEvents: eventRows.length,
  };
}
