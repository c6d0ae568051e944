import 'server-only';
import { createStripePayments, type Payments } from '@edgecart/payments';
import { env } from '~/env';

let payments: Payments | null | undefined;

/**
 * Stripe through `@edgecart/payments`, at Stripe or, with STRIPE_LOCAL_API, at
 * the local payment stand-in (`npm run dev`, `preview:edge`, the tests). Null
 * when no key is configured: checkout then answers that payments are off.
 */
export function getPayments(): Payments | null {
  if (payments !== undefined) return payments;
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    payments = null;
    return payments;
  }
  const [host, port] = env.STRIPE_LOCAL_API?.split(':') ?? [];
  payments = createStripePayments({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    api: host && port ? { host, port: Number(port), protocol: 'http' } : undefined,
  });
  return payments;
}
