import 'server-only';
import type { Database } from '@edgecart/db';
import type { EmailSender } from '@edgecart/email';
import { after } from 'next/server';
import { env } from '~/env';
import { businessMetrics } from './metrics.ts';
import { deliverOutbox, emailSenderFor } from './outbox-delivery.ts';

let sender: EmailSender | null | undefined;

/** The configured provider, or null when emails stay in the outbox. */
export function getEmailSender(): EmailSender | null {
  if (sender === undefined) sender = emailSenderFor(env);
  return sender;
}

/**
 * The development outbox page and its API: with DEV_TOOLS=1 and no provider,
 * the only place a developer can read what the shop sent.
 */
export const devOutboxEnabled = (): boolean => env.DEV_TOOLS && getEmailSender() === null;

/**
 * Delivers the outbox once the response has been sent (Next's `after`, a
 * Worker's `waitUntil`), so that the email a shopper waits for leaves at once
 * and the response does not wait for the provider. What fails here is retried
 * by a later request or by the Worker's scheduled run.
 */
export function deliverEmailsAfterResponse(db: Database, requestId: string): void {
  const configured = getEmailSender();
  if (!configured) return;
  after(() =>
    deliverOutbox(db, configured, { trigger: 'after-response', requestId }, businessMetrics),
  );
}
