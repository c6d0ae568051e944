/** One message for a provider to deliver. */
export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text. */
  text: string;
  /**
   * The same key for every attempt at one message, so that a provider that
   * accepted an attempt whose answer was lost does not send it twice.
   */
  idempotencyKey: string;
}

/**
 * What became of one attempt. `retry` says whether trying the same message
 * again later can succeed (the provider was down, slow or rate-limited), or
 * whether it never will (the provider refused the message itself).
 */
export type SendOutcome =
  | { ok: true; providerId: string }
  | { ok: false; retry: boolean; reason: string };

/** A transactional email provider. The outbox is drained through one. */
export interface EmailSender {
  /** The provider's name, for logs. */
  readonly provider: string;
  /** Never throws: every failure comes back as an outcome. */
  send(message: EmailMessage): Promise<SendOutcome>;
}
