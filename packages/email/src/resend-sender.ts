import { Resend } from 'resend';
import type { EmailMessage, EmailSender, SendOutcome } from './sender.ts';

export interface ResendSenderOptions {
  apiKey: string;
  /** The sender, e.g. `Edgecart <shop@example.com>`, on a domain verified with Resend. */
  from: string;
  /** Resend's API by default; a local stand-in in dev and tests. */
  baseUrl?: string | undefined;
  /** How long one attempt may take before it counts as failed and is retried later. */
  timeoutMs?: number;
}

/**
 * Errors that the same message will meet again however often it is sent:
 * the message itself is wrong. Everything else (the key, quotas, rate limits,
 * the service or the network) can pass later, so it is retried.
 */
const permanent = new Set([
  'validation_error',
  'invalid_from_address',
  'invalid_attachment',
  'invalid_parameter',
  'missing_required_field',
  'invalid_idempotent_request',
  'invalid_idempotency_key',
]);

/** Delivers through Resend's official SDK, which speaks to its API with fetch. */
export function createResendSender(options: ResendSenderOptions): EmailSender {
  const resend = new Resend(options.apiKey, { baseUrl: options.baseUrl });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    provider: 'resend',
    async send(message: EmailMessage): Promise<SendOutcome> {
      try {
        const { data, error } = await resend.emails.send(
          { from: options.from, to: message.to, subject: message.subject, text: message.text },
          { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
        if (error) {
          const status = error.statusCode === null ? 'no answer' : `HTTP ${error.statusCode}`;
          return {
            ok: false,
            retry: !permanent.has(error.name),
            reason: `${status} ${error.name}: ${error.message}`,
          };
        }
        return { ok: true, providerId: data.id };
      } catch (error) {
        return {
          ok: false,
          retry: true,
          reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        };
      }
    },
  };
}
