/**
 * The headers every answer of the Worker carries, set in one place: its
 * entry (worker.ts), around everything else, so that pages answered from the
 * page cache, the 503 page, a refused internal path and the app's own answers
 * all get them. Web APIs only.
 *
 * The Content-Security-Policy allows inline scripts ('unsafe-inline'): Next
 * streams its payload in inline <script> tags, and a nonce cannot work with
 * pages stored whole in Redis and replayed to other visitors. What it does
 * rule out is every other origin: no script, style, image, font, frame,
 * plugin or connection from elsewhere, no <base> hijack, no form posting
 * anywhere but here and the payment page, no framing of the shop.
 */
import { withHeaders } from './response-headers.ts';

export interface SecurityHeadersEnv {
  DEPLOY_ENV?: string;
  /** host:port of the local payment stand-in: its checkout page is where a form may go. */
  STRIPE_LOCAL_API?: string;
}

/**
 * Where a checkout form ends up without JavaScript: the Server Action answers
 * 303 to Stripe's hosted page, and browsers check `form-action` against
 * every redirect of a form's submission.
 */
const STRIPE_CHECKOUT = 'https://checkout.stripe.com';

export function contentSecurityPolicy(env: SecurityHeadersEnv): string {
  const deployed = env.DEPLOY_ENV === 'production' || env.DEPLOY_ENV === 'preview';
  const local = env.STRIPE_LOCAL_API && !deployed ? [`http://${env.STRIPE_LOCAL_API}`] : [];
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ['form-action', "'self'", STRIPE_CHECKOUT, ...local].join(' '),
    "frame-ancestors 'none'",
    // A deployed shop is https only; a local one is http (127.0.0.1) and must stay so.
    ...(deployed ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(env: SecurityHeadersEnv): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(env),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Production only: its custom domain is https for good. Two years, subdomains too
    // (no `preload`: that is a commitment to make on hstspreload.org, not here).
    ...(env.DEPLOY_ENV === 'production'
      ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' }
      : {}),
  };
}

/** The response with the security headers set (over any the app set itself). */
export function withSecurityHeaders(response: Response, env: SecurityHeadersEnv): Response {
  // A WebSocket upgrade cannot be copied; the shop serves none, but leave one alone.
  if (response.status === 101) return response;
  return withHeaders(response, securityHeaders(env));
}
