import { z } from 'zod';

/** The payment settings; the web app's env.ts spreads these into its own. */
export const paymentsEnvShape = {
  /**
   * Stripe secret or restricted key (sk_live_…, rk_live_…, sk_test_…, rk_test_…);
   * unset: the local payment stand-in (development only).
   */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(
      /^(sk|rk)_(live|test)_./,
      'a Stripe secret or restricted key: sk_live_…, sk_test_…, rk_…',
    )
    .optional(),
  /** The signing secret of the webhook endpoint (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** host:port of the local payment stand-in, for dev and tests only. */
  STRIPE_LOCAL_API: z
    .string()
    .regex(/^[\w.-]+:\d+$/)
    .optional(),
};

export type PaymentsEnv = {
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_LOCAL_API?: string | undefined;
};

/** Whether a key takes real money (`live`) or not (`test`); null for anything else. */
export function stripeKeyMode(key: string | undefined): 'live' | 'test' | null {
  const mode = /^(?:sk|rk)_(live|test)_/.exec(key ?? '')?.[1];
  return mode === 'live' || mode === 'test' ? mode : null;
}
