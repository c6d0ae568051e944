import { describe, expect, it } from 'vitest';
import { isExpired, newExpiry, refreshedExpiry, SESSION_TTL_MS } from './expiry.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-24T12:00:00Z');

describe('sliding session expiry', () => {
  it('gives a new session thirty days', () => {
    expect(newExpiry(now).getTime() - now.getTime()).toBe(30 * DAY);
  });

  it('leaves a session with more than half its life alone', () => {
    expect(refreshedExpiry(new Date(now.getTime() + 16 * DAY), now)).toBeNull();
    expect(refreshedExpiry(new Date(now.getTime() + SESSION_TTL_MS / 2), now)).toBeNull();
  });

  it('renews a session with less than half its life left to a full life', () => {
    const renewed = refreshedExpiry(new Date(now.getTime() + 14 * DAY), now);
    expect(renewed?.getTime()).toBe(now.getTime() + 30 * DAY);
  });

  it('never renews an expired session', () => {
    const past = new Date(now.getTime() - 1);
    expect(refreshedExpiry(past, now)).toBeNull();
    expect(isExpired(past, now)).toBe(true);
    expect(isExpired(now, now)).toBe(true);
    expect(isExpired(new Date(now.getTime() + 1), now)).toBe(false);
  });
});
