import 'server-only';
import type { AccountsInput } from '@edgecart/api';
import { type SessionCookie, serializeCookie } from '@edgecart/auth';
import { env } from '~/env';
import { passwordHasher } from './password-hasher.ts';

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
  return env.DEPLOY_ENV === 'development'
    ? requestOrigin
    : new URL(env.NEXT_PUBLIC_SITE_URL).origin;
}

/** The account services for one request at the shop's `origin`, the cookie written through `setCookie`. */
export function accountsFor(
  origin: string,
  setCookie: (cookie: SessionCookie, header: string) => void,
): AccountsInput {
  return {
    hasher: passwordHasher,
    origin,
    secure: origin.startsWith('https:'),
    setCookie: (cookie) => setCookie(cookie, serializeCookie(cookie)),
  };
}
