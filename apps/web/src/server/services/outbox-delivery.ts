/**
 * Drains the email outbox through the configured provider. Web APIs only: the
 * Worker's scheduled handler uses it outside Next.js, as the request path does.
 */
import type { BusinessMetrics } from '@edgecart/core/business-events';
import { deliverDueEmails } from '@edgecart/core/outbox';
import type { Database } from '@edgecart/db';
import { createResendSender, type EmailSender } from '@edgecart/email';
import type { EmailEnv } from '@edgecart/email/env';
import { logError } from '../http/log-error.ts';

/** The provider the environment configures, or null: emails then stay in the outbox. */
export function emailSenderFor(settings: EmailEnv): EmailSender | null {
  if (!settings.RESEND_API_KEY || !settings.EMAIL_FROM) return null;
  return createResendSender({
    apiKey: settings.RESEND_API_KEY,
    from: settings.EMAIL_FROM,
    baseUrl: settings.RESEND_BASE_URL,
  });
}

/** Rounds per run: a run sends at most this many batches of ten, the rest waits for the next. */
const maxRounds = 5;

/**
 * Sends what is due, in rounds of ten, and logs one line per round that did
 * something: `info` when all went, `warn` when some will be retried, `error`
 * when some were given up, and an `email.failed` event per email not sent.
 * Never throws: a failure is logged, and the emails stay due for the next run.
 */
export async function deliverOutbox(
  db: Database,
  sender: EmailSender,
  context: { trigger: 'after-response' | 'scheduled'; requestId?: string | null },
  metrics?: BusinessMetrics,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    try {
      const report = await deliverDueEmails(db, sender, () => new Date());
      const handled = report.sent + report.retrying.length + report.gaveUp.length;
      if (handled === 0) return;
      const level =
        report.gaveUp.length > 0 ? 'error' : report.retrying.length > 0 ? 'warn' : 'info';
      const line = JSON.stringify({
        level,
        msg: 'email delivery',
        ...context,
        provider: sender.provider,
        sent: report.sent,
        retrying: report.retrying,
        gaveUp: report.gaveUp,
      });
      (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line);
      for (const _ of report.retrying) metrics?.record('email.failed', { reason: 'retrying' });
      for (const _ of report.gaveUp) metrics?.record('email.failed', { reason: 'gave_up' });
      if (handled < 10) return;
    } catch (error) {
      logError({ msg: 'email delivery failed', ...context }, error);
      return;
    }
  }
}
