import { BRIDGE_PATIENCE_MS, startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { describe, expect, it } from 'vitest';
import { createUpstashRateLimiter } from './rate-limiter-upstash.ts';

/** The real `@upstash/ratelimit` and `@upstash/redis` → the REST bridge → redis-server. */
async function withUpstash(
  run: (stack: { url: string; token: string; stopRedis: () => Promise<void> }) => Promise<void>,
) {
  const redis = await startRedis();
  const bridge = await startUpstashBridge({ redisUrl: redis.url });
  let stopped = false;
  try {
    await run({
      url: bridge.url,
      token: bridge.token,
      stopRedis: async () => {
        stopped = true;
        await redis.stop();
      },
    });
  } finally {
    await bridge.close();
    if (!stopped) await redis.stop();
  }
}

const key = () => `test:${crypto.randomUUID()}`;

describe('the Upstash rate limiter', () => {
  it('allows the rule’s attempts, then denies with a Retry-After inside the window', async () => {
    await withUpstash(async (upstash) => {
      const limiter = createUpstashRateLimiter(
        { attempts: 3, windowSeconds: 60 },
        { ...upstash, onTimeout: 'deny', timeoutMs: BRIDGE_PATIENCE_MS },
      );
      const who = key();
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await limiter.limit(who));
      expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
      expect(answers[0]?.remaining).toBe(2);
      const retry = answers[3]?.retryAfterSeconds ?? 0;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await limiter.limit(key())).allowed).toBe(true);
    });
  });

  it('shares one count between limiters, as isolates of the Worker do', async () => {
    await withUpstash(async (upstash) => {
      const rule = { attempts: 4, windowSeconds: 60 };
      const a = createUpstashRateLimiter(rule, {
        ...upstash,
        onTimeout: 'deny',
        timeoutMs: BRIDGE_PATIENCE_MS,
      });
      const b = createUpstashRateLimiter(rule, {
        ...upstash,
        onTimeout: 'deny',
        timeoutMs: BRIDGE_PATIENCE_MS,
      });
      const who = key();
      const answers = await Promise.all([a, b, a, b, a, b].map((limiter) => limiter.limit(who)));
      expect(answers.filter((answer) => answer.allowed)).toHaveLength(4);
    });
  });

  it('denies log-ins and allows the catalog when Redis stops answering, within the timeout', async () => {
    await withUpstash(async (upstash) => {
      const rule = { attempts: 5, windowSeconds: 60 };
      const login = createUpstashRateLimiter(rule, {
        ...upstash,
        onTimeout: 'deny',
        timeoutMs: 300,
      });
      const catalog = createUpstashRateLimiter(rule, {
        ...upstash,
        onTimeout: 'allow',
        timeoutMs: 300,
      });
      // Redis answers (checked with a patient limiter: a slow answer is not what this tests).
      const patient = createUpstashRateLimiter(rule, {
        ...upstash,
        onTimeout: 'deny',
        timeoutMs: BRIDGE_PATIENCE_MS,
      });
      expect((await patient.limit(key())).allowed).toBe(true);
      await upstash.stopRedis();
      const started = performance.now();
      const denied = await login.limit(key());
      const allowed = await catalog.limit(key());
      const elapsed = performance.now() - started;
      expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
      expect(allowed.allowed).toBe(true);
      // Two calls, each bounded by its 300 ms timeout (not the client's seconds).
      expect(elapsed).toBeLessThan(3_000);
    });
  });
});
