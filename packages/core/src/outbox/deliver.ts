import { and, type Database, eq, inArray, isNull, lte, outbox, sql } from '@edgecart/db';
import type { EmailSender } from '@edgecart/email';

/** How long after each failed attempt the next one is due; one attempt more than entries gives up. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/**
 * The first attempt plus one per delay: the last lands about 8.6 hours after the
 * first, inside the 24 hours for which Resend remembers an idempotency key, so a
 * retry of an attempt whose answer was lost is never delivered twice.
 */
export const maxAttempts = retryDelaysMs.length + 1;

/** How long a claimed message is held by its sender before another may take it over. */
const leaseMs = 2 * 60_000;

export interface DeliveryReport {
  sent: number;
  /** Failed this time, due again later. */
  retrying: { id: string; reason: string }[];
  /** Refused by the provider, or out of attempts: never sent. */
  gaveUp: { id: string; reason: string }[];
}

/** The idempotency key of a message: the same for every attempt at it. */
export const idempotencyKeyOf = (id: string) => `edgecart-outbox/${id}`;

/**
 * Sends the emails that are due, at most `limit`, in parallel. Each is claimed
 * first with one conditional update (`FOR UPDATE SKIP LOCKED`), so concurrent
 * senders (a request's after-response task and the scheduled drain) never take
 * the same message, and a sender that dies leaves it to be retried when its
 * lease ends. Every attempt carries the message's idempotency key, so a retry
 * of an attempt the provider did accept is not delivered twice.
 */
export async function deliverDueEmails(
  db: Database,
  sender: EmailSender,
  now: () => Date,
  options: { limit?: number } = {},
): Promise<DeliveryReport> {
  const claimedAt = now();
  const isDue = and(
    isNull(outbox.sentAt),
    isNull(outbox.gaveUpAt),
    lte(outbox.nextAttemptAt, claimedAt),
  );
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(isDue)
    .orderBy(outbox.nextAttemptAt)
    .limit(options.limit ?? 10)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(claimedAt.getTime() + leaseMs),
    })
    // Checked again on the row itself: a row another sender claimed in between is left alone.
    .where(and(inArray(outbox.id, due), isDue))
    .returning({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      body: outbox.body,
      attempts: outbox.attempts,
    });

  const report: DeliveryReport = { sent: 0, retrying: [], gaveUp: [] };
  await Promise.all(
    claimed.map(async (email) => {
      const outcome = await sender.send({
        to: email.to,
        subject: email.subject,
        text: email.body,
        idempotencyKey: idempotencyKeyOf(email.id),
      });
      const at = now();
      const unsent = and(eq(outbox.id, email.id), isNull(outbox.sentAt));
      if (outcome.ok) {
        await db
          .update(outbox)
          // The message is the provider's now: its text, which may carry a link's secret
          // (a reset, a guest's order link), is not kept.
          .set({ sentAt: at, providerId: outcome.providerId, lastError: null, body: '' })
          .where(unsent);
        report.sent += 1;
        return;
      }
      const reason = outcome.reason.slice(0, 500);
      const delay = retryDelaysMs[email.attempts - 1];
      if (!outcome.retry || delay === undefined) {
        await db.update(outbox).set({ gaveUpAt: at, lastError: reason }).where(unsent);
        report.gaveUp.push({ id: email.id, reason });
        return;
      }
      await db
        .update(outbox)
        .set({ nextAttemptAt: new Date(at.getTime() + delay), lastError: reason })
        .where(unsent);
      report.retrying.push({ id: email.id, reason });
    }),
  );
  return report;
}
