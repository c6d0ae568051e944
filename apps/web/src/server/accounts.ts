import 'server-only';
import type { AccountsInput } from '@edgecart/api';
import { type SessionCookie, serializeCookie } from '@edgecart/auth';
import { env } from '~/env';
import { passwordHasher } from './password-hasher.ts';

/** The origin the browser addressed (the Host header; `request.url` may name an internal host). */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  return `${url.protocol}//${request.headers.get('host') ?? url.host}`;
}

/**
 * The shop's origin for links in emails: the configured public URL once
 * deployed (a request's Host must never choose where a reset link points),
 * the request's own origin in development (next dev on any port).
 */
export function shopOrigin(requestUrl: string): string {
  return env.DEPLOY_ENV === 'development'
    ? new URL(requestUrl).origin
    : new URL(env.NEXT_PUBLIC_SITE_URL).origin;
}

/** The account services for one request, the cookie written through `setCookie`. */
export function accountsFor(
  requestUrl: string,
  setCookie: (cookie: SessionCookie, header: string) => void,
): AccountsInput {
  const origin = shopOrigin(requestUrl);
  return {
    hasher: passwordHasher,
    origin,
    secure: origin.startsWith('https:'),
    setCookie: (cookie) => setCookie(cookie, serializeCookie(cookie)),
  };
}
