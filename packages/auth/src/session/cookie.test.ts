import { describe, expect, it } from 'vitest';
import {
  blankCartCookie,
  blankSessionCookie,
  cartCookie,
  readCartToken,
  readSessionToken,
  serializeCookie,
  sessionCookie,
} from './cookie.ts';

describe('the session cookie', () => {
  it('is __Host- prefixed and Secure on https, HttpOnly and SameSite=Lax on Path=/', () => {
    const header = serializeCookie(sessionCookie('id.secret', true));
    expect(header).toMatch(/^__Host-session=id\.secret; /);
    for (const part of ['Max-Age=34560000', 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']) {
      expect(header).toContain(part);
    }
    expect(header).not.toMatch(/Domain=/);
  });

  it('drops the prefix and Secure on plain http (local development)', () => {
    const header = serializeCookie(sessionCookie('id.secret', false));
    expect(header).toMatch(/^session=id\.secret; /);
    expect(header).not.toContain('Secure');
  });

  it('is deleted with an empty value and Max-Age=0', () => {
    expect(serializeCookie(blankSessionCookie(true))).toMatch(/^__Host-session=; Max-Age=0/);
  });

  it('is read from the Cookie header under the name for the origin only', () => {
    const headers = new Headers({ cookie: 'theme=dark; __Host-session=a.b; session=c.d' });
    expect(readSessionToken(headers, true)).toBe('a.b');
    expect(readSessionToken(headers, false)).toBe('c.d');
    expect(readSessionToken(new Headers(), true)).toBeNull();
    expect(readSessionToken(new Headers({ cookie: '__Host-session=' }), true)).toBeNull();
  });
});

describe('the guest cart cookie', () => {
  it('is __Host-cart on https, HttpOnly and SameSite=Lax, for 30 days', () => {
    const header = serializeCookie(cartCookie('id.secret', true));
    expect(header).toMatch(/^__Host-cart=id\.secret; /);
    for (const part of ['Max-Age=2592000', 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']) {
      expect(header).toContain(part);
    }
    expect(serializeCookie(blankCartCookie(false))).toMatch(/^cart=; Max-Age=0/);
  });

  it('is read under its own name, apart from the session', () => {
    const headers = new Headers({ cookie: 'session=s.t; cart=c.d' });
    expect(readCartToken(headers, false)).toBe('c.d');
    expect(readSessionToken(headers, false)).toBe('s.t');
    expect(readCartToken(headers, true)).toBeNull();
  });
});
