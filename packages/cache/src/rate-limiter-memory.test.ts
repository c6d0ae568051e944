import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter-memory.ts';

describe('the memory rate limiter', () => {
  it('allows the attempts of a window, then denies with the wait until the next', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 3, windowSeconds: 60 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit('login:ip:203.0.113.7'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]?.retryAfterSeconds).toBeGreaterThan(55);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each key apart', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 1, windowSeconds: 60 });
    expect((await limiter.limit('a')).allowed).toBe(true);
    expect((await limiter.limit('a')).allowed).toBe(false);
    expect((await limiter.limit('b')).allowed).toBe(true);
  });

  it('allows again once the window has passed', async () => {
    const limiter = createMemoryRateLimiter({ attempts: 1, windowSeconds: 1 });
    expect((await limiter.limit('k')).allowed).toBe(true);
    expect((await limiter.limit('k')).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await limiter.limit('k')).allowed).toBe(true);
  });
});
