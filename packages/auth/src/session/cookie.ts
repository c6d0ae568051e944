import { parseCookie, stringifySetCookie } from 'cookie';

/**
 * How long the browser keeps the cookie: 400 days, the most browsers allow.
 * The session's row decides whether it is still valid (30 days, sliding), so
 * the cookie need not be rewritten when the row's expiry slides, which a
 * React Server Component could not do.
 */
export const SESSION_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export interface SessionCookie {
  name: string;
  value: string;
  attributes: {
    httpOnly: true;
    sameSite: 'lax';
    path: '/';
    secure: boolean;
    /** Seconds; 0 deletes the cookie. */
    maxAge: number;
  };
}

/**
 * The session cookie's name for an origin: `__Host-session` on https (the
 * prefix pins it to this host, Secure and Path=/), plain `session` on http
 * (local development), where browsers refuse the prefix.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-session' : 'session';
}

function cookie(
  value: string,
  maxAge: number,
  secure: boolean,
  name = sessionCookieName(secure),
): SessionCookie {
  return {
    name,
    value,
    attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge },
  };
}

export function sessionCookie(token: string, secure: boolean): SessionCookie {
  return cookie(token, SESSION_COOKIE_MAX_AGE, secure);
}

export function blankSessionCookie(secure: boolean): SessionCookie {
  return cookie('', 0, secure);
}

/** The `Set-Cookie` header value. */
export function serializeCookie({ name, value, attributes }: SessionCookie): string {
  return stringifySetCookie({ name, value, ...attributes });
}

/** The session token a request's `Cookie` header carries, if any. */
export function readSessionToken(headers: Headers, secure: boolean): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  return parseCookie(header)[sessionCookieName(secure)] || null;
}

/** A guest cart lives 30 days after its last change, then it is swept. */
export const CART_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;

/** The guest cart's cookie: `__Host-cart` on https, `cart` on http, like the session's. */
export function cartCookieName(secure: boolean): string {
  return secure ? '__Host-cart' : 'cart';
}

export function cartCookie(token: string, secure: boolean): SessionCookie {
  return cookie(token, CART_COOKIE_MAX_AGE, secure, cartCookieName(secure));
}

export function blankCartCookie(secure: boolean): SessionCookie {
  return cookie('', 0, secure, cartCookieName(secure));
}

/** The guest cart token a request's `Cookie` header carries, if any. */
export function readCartToken(headers: Headers, secure: boolean): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  return parseCookie(header)[cartCookieName(secure)] || null;
}
