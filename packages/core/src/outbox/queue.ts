import { type Database, desc, outbox } from '@edgecart/db';

export interface OutgoingEmail {
  kind: string;
  to: string;
  subject: string;
  body: string;
}

/** Queues an email; call it inside the transaction of the change that causes it. */
export async function enqueueEmail(db: Database, email: OutgoingEmail, now: Date): Promise<void> {
  await db.insert(outbox).values({ ...email, createdAt: now, nextAttemptAt: now });
}

/** The newest emails first, for the development outbox page. */
export async function recentEmails(db: Database, limit = 50) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.to,
      subject: outbox.subject,
      body: outbox.body,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
