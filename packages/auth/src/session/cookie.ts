import { SESSION_TTL_MS } from './expiry.ts';

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
 * The session cookie for an origin: `__Host-session` with `Secure` on https
 * (the prefix pins it to this host and path), plain `session` on http
 * (local development), where browsers refuse the prefix.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-session' : 'session';
}

export function sessionCookie(token: string, expiresAt: Date, now: Date, secure: boolean) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return cookie(token, Math.min(maxAge, SESSION_TTL_MS / 1000), secure);
}

export function blankSessionCookie(secure: boolean): SessionCookie {
  return cookie('', 0, secure);
}

function cookie(value: string, maxAge: number, secure: boolean): SessionCookie {
  return {
    name: sessionCookieName(secure),
    value,
    attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge },
  };
}

/** The `Set-Cookie` header value. */
export function serializeCookie({ name, value, attributes }: SessionCookie): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${attributes.maxAge}`,
  ];
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
