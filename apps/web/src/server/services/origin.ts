import 'server-only';
import { env } from '~/env';

/**
 * The origin the browser addressed: the Host header (inside the Worker,
 * `request.url` may name an internal host), with the URL's scheme.
 */
export function addressedOrigin(headers: Headers, url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${headers.get('host') ?? parsed.host}`;
}

/**
 * The shop's origin for links in emails: the configured public URL once
 * deployed (a request's Host must never choose where a reset link points),
 * the request's own origin in development (next dev on any port).
 */
export function shopOrigin(requestOrigin: string): string {
  return env.DEPLOY_ENV === 'development' ? requestOrigin : new URL(env.SITE_URL).origin;
}
