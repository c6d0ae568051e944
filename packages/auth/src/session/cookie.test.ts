import { describe, expect, it } from 'vitest';
import { blankSessionCookie, serializeCookie, sessionCookie } from './cookie.ts';

const now = new Date('2026-11-24T12:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);

describe('the session cookie', () => {
  it('is __Host- prefixed and Secure on https, HttpOnly and SameSite=Lax on Path=/', () => {
    const header = serializeCookie(sessionCookie('id.secret', inAnHour, now, true));
    expect(header).toBe(
      '__Host-session=id.secret; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure',
    );
  });

  it('drops the prefix and Secure on plain http (local development)', () => {
    const header = serializeCookie(sessionCookie('id.secret', inAnHour, now, false));
    expect(header).toBe('session=id.secret; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600');
  });

  it('is deleted with an empty value and Max-Age=0', () => {
    expect(serializeCookie(blankSessionCookie(true))).toBe(
      '__Host-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});
