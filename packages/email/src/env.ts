import { z } from 'zod';

/** The email provider's settings; the web app's env.ts spreads these into its own. */
export const emailEnvShape = {
  /** Resend API key; with none, emails stay in the outbox (read at /dev/outbox in development). */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** The sender of every email, e.g. `Edgecart <shop@example.com>`; required with RESEND_API_KEY. */
  EMAIL_FROM: z.string().min(3).optional(),
  /** Resend's API base URL: unset in production; the local stand-in in dev and tests. */
  RESEND_BASE_URL: z.url().optional(),
};

export type EmailEnv = {
  RESEND_API_KEY?: string | undefined;
  EMAIL_FROM?: string | undefined;
  RESEND_BASE_URL?: string | undefined;
};
