import { type Database, outbox } from '@edgecart/db';

export interface OutgoingEmail {
  kind: string;
  to: string;
  subject: string;
  body: string;
}

/** Queues an email; call it inside the transaction of the change that causes it. */
export async function enqueueEmail(db: Database, email: OutgoingEmail, now: Date): Promise<void> {
  await db.insert(outbox).values({ ...email, createdAt: now });
}
