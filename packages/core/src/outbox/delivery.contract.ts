import { type Database, eq, outbox } from '@edgecart/db';
import { type ResendStandIn, startResendStandIn } from '@edgecart/dev-services';
import { createResendSender, type EmailSender } from '@edgecart/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueEmails, idempotencyKeyOf, maxAttempts, retryDelaysMs } from './deliver.ts';
import { enqueueEmail } from './queue.ts';

const start = new Date('2026-11-24T12:00:00.000Z');
const later = (ms: number) => () => new Date(start.getTime() + ms);
const minute = 60_000;

/** Outbox delivery on every database driver, through the real Resend SDK and its stand-in. */
export function describeDeliveryContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
  options: {
    /** Whether a query can run while another connection holds a transaction open (not PGlite). */
    concurrentConnections: boolean;
  },
) {
  const { concurrentConnections } = options;
  describe(`outbox delivery on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let standIn: ResendStandIn;
    let sender: EmailSender;

    beforeAll(async () => {
      ({ db, close } = await open());
      standIn = await startResendStandIn();
      sender = createResendSender({
        apiKey: standIn.apiKey,
        from: 'Edgecart <shop@edgecart.test>',
        baseUrl: standIn.url,
      });
    });
    afterAll(async () => {
      await standIn?.close();
      await close?.();
    });

    const recipient = () => `buyer-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const queue = async (to: string) => {
      await enqueueEmail(db, { kind: 'test', to, subject: 'Hello', body: 'A message.' }, start);
      const [row] = await db.select().from(outbox).where(eq(outbox.to, to));
      if (!row) throw new Error('not queued');
      return row.id;
    };
    const row = async (id: string) => {
      const [found] = await db.select().from(outbox).where(eq(outbox.id, id));
      if (!found) throw new Error(`no outbox row ${id}`);
      return found;
    };
    const receivedBy = (to: string) => standIn.received.filter((email) => email.to[0] === to);
    /** Drains until nothing is due at this time, so that rows from other tests do not matter. */
    const drain = async (at: () => Date, through = sender) => {
      const total = { sent: 0, retrying: 0, gaveUp: 0 };
      for (;;) {
        const report = await deliverDueEmails(db, through, at);
        total.sent += report.sent;
        total.retrying += report.retrying.length;
        total.gaveUp += report.gaveUp.length;
        if (report.sent + report.retrying.length + report.gaveUp.length === 0) return total;
      }
    };

    it('delivers a queued email once, with its idempotency key, records it and drops its text', async () => {
      const to = recipient();
      const id = await queue(to);
      await drain(later(0));
      await drain(later(10 * minute));
      const sent = receivedBy(to);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ subject: 'Hello', text: 'A message.' });
      expect(sent[0]?.idempotencyKey).toBe(idempotencyKeyOf(id));
      const after = await row(id);
      expect(after.sentAt).toEqual(start);
      expect(after.providerId).toBe(sent[0]?.id);
      expect(after.attempts).toBe(1);
      expect(after.body).toBe('');
    });

    it('retries after a failure, not before its back-off has passed', async () => {
      const to = recipient();
      const id = await queue(to);
      standIn.failNext({ status: 503, name: 'application_error' });
      const first = await deliverDueEmails(db, sender, later(0), { limit: 1 });
      expect(first.retrying).toEqual([{ id, reason: expect.stringMatching(/HTTP 503/) }]);
      expect(await row(id)).toMatchObject({
        sentAt: null,
        attempts: 1,
        nextAttemptAt: new Date(start.getTime() + (retryDelaysMs[0] ?? 0)),
        lastError: expect.stringMatching(/application_error/),
      });
      await drain(later(30_000));
      expect(receivedBy(to)).toHaveLength(0);
      await drain(later(61_000));
      expect(receivedBy(to)).toHaveLength(1);
      expect(await row(id)).toMatchObject({ attempts: 2, lastError: null });
    });

    it('gives up at once on an email the provider refuses', async () => {
      const id = await queue('not-an-address');
      const report = await deliverDueEmails(db, sender, later(0), { limit: 50 });
      expect(report.gaveUp.map((g) => g.id)).toContain(id);
      expect((await row(id)).gaveUpAt).toEqual(start);
      await drain(later(24 * 60 * minute));
      expect((await row(id)).attempts).toBe(1);
    });

    it(`gives up after ${maxAttempts} failed attempts`, async () => {
      const to = recipient();
      const id = await queue(to);
      let at = 0;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        standIn.failNext({ status: 500, name: 'internal_server_error' });
        const report = await deliverDueEmails(db, sender, later(at), { limit: 1 });
        const expected = attempt < maxAttempts ? report.retrying : report.gaveUp;
        expect(expected.map((r) => r.id)).toEqual([id]);
        at += retryDelaysMs[attempt - 1] ?? 0;
      }
      expect(await row(id)).toMatchObject({ attempts: maxAttempts, sentAt: null });
      expect((await row(id)).gaveUpAt).not.toBeNull();
      await drain(later(at + 48 * 60 * minute));
      expect(receivedBy(to)).toHaveLength(0);
    });

    it('does not send twice when the answer to an accepted attempt is lost', async () => {
      const to = recipient();
      const id = await queue(to);
      const answerLost: EmailSender = {
        provider: 'resend',
        send: async (message) => {
          await sender.send(message);
          return { ok: false, retry: true, reason: 'the connection dropped before the answer' };
        },
      };
      await deliverDueEmails(db, answerLost, later(0), { limit: 1 });
      await drain(later(2 * minute));
      expect(receivedBy(to)).toHaveLength(1);
      expect((await row(id)).providerId).toBe(receivedBy(to)[0]?.id);
    });

    it('takes over an email whose sender died once its lease has ended', async () => {
      const to = recipient();
      const id = await queue(to);
      const dying: EmailSender = {
        provider: 'resend',
        send: () => Promise.reject(new Error('the isolate was evicted')),
      };
      await expect(deliverDueEmails(db, dying, later(0), { limit: 1 })).rejects.toThrow(/evicted/);
      expect(await row(id)).toMatchObject({ attempts: 1, sentAt: null });
      await drain(later(minute));
      expect(receivedBy(to)).toHaveLength(0);
      await drain(later(2 * minute + 1));
      expect(receivedBy(to)).toHaveLength(1);
    });

    it('sends each email exactly once when several senders drain at the same time', async () => {
      const recipients = Array.from({ length: 30 }, recipient);
      for (const to of recipients) await queue(to);
      const before = standIn.requests();
      await Promise.all(Array.from({ length: 6 }, () => drain(later(0))));
      for (const to of recipients) expect(receivedBy(to)).toHaveLength(1);
      // No sender even attempted a message another had claimed.
      expect(standIn.requests() - before).toBe(30);
    });

    // PGlite has one connection: a second query would wait for the transaction.
    if (!concurrentConnections) return;
    it('skips an email another sender holds, without waiting for it', async () => {
      const held = await queue(recipient());
      const free = await queue(recipient());
      await db.transaction(async (tx) => {
        // This sender's claim stays locked until its transaction ends.
        const [claimed] = await tx
          .update(outbox)
          .set({ attempts: 1 })
          .where(eq(outbox.id, held))
          .returning({ id: outbox.id });
        expect(claimed?.id).toBe(held);
        // Were it blocked behind the held email, it would wait for this transaction, which
        // waits for it: the test would hang and fail at its budget.
        const other = await deliverDueEmails(db, sender, later(0), { limit: 50 });
        expect(other.sent).toBeGreaterThanOrEqual(1);
        expect((await row(free)).sentAt).not.toBeNull();
      });
      expect((await row(held)).sentAt).toBeNull();
      await drain(later(0));
      expect((await row(held)).sentAt).not.toBeNull();
    });
  });
}
