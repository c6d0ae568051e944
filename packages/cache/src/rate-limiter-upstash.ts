import { Ratelimit } from '@upstash/ratelimit';
import type { RateLimiter, RateLimitRule } from './rate-limiter.ts';
import type { UpstashOptions } from './upstash.ts';
import { upstashClient } from './upstash-client.ts';

export interface UpstashRateLimiterOptions extends UpstashOptions {
  /**
   * What an attempt gets when Redis does not answer in time: `deny` for limits
   * that guard secrets (log-in), `allow` for ceilings that protect capacity
   * (the catalog), so a cache outage does not take the shop down.
   */
  onTimeout: 'deny' | 'allow';
  /** How long to wait for Redis (default 500 ms; Upstash's own default is 5 s). */
  timeoutMs?: number;
  /** Key prefix, so limits never share keys with the cache. */
  prefix?: string;
}

/** How long a denial for want of an answer from Redis asks the client to wait. */
const UNANSWERED_RETRY_SECONDS = 30;

/**
 * Counts attempts in Upstash Redis with `@upstash/ratelimit` (a sliding
 * window): one count for every isolate and region of the Worker.
 */
export function createUpstashRateLimiter(
  rule: RateLimitRule,
  options: UpstashRateLimiterOptions,
): RateLimiter {
  const redis = upstashClient(options, {
    retry: { retries: 0 },
  });
  const limiter = new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(rule.attempts, `${rule.windowSeconds} s`),
    prefix: options.prefix ?? 'edgecart:limit',
    timeout: options.timeoutMs ?? 500,
    analytics: false,
    enableProtection: false,
  });
  return {
    async limit(key) {
      let answer: Awaited<ReturnType<Ratelimit['limit']>>;
      try {
        answer = await limiter.limit(key);
      } catch (error) {
        // Redis answered with an error (or not at all): the same rule as a timeout.
        if (options.onTimeout === 'allow')
          return { allowed: true, remaining: 0, retryAfterSeconds: 0 };
        console.warn(
          JSON.stringify({
            level: 'warn',
            msg: 'rate limit store failed: denied',
            error: error instanceof Error ? error.message : String(error),
          }),
        );
        return { allowed: false, remaining: 0, retryAfterSeconds: UNANSWERED_RETRY_SECONDS };
      }
      if (answer.reason === 'timeout') {
        console.warn(
          JSON.stringify({
            level: 'warn',
            msg: `rate limit store timed out: ${options.onTimeout === 'deny' ? 'denied' : 'allowed'}`,
          }),
        );
        return options.onTimeout === 'deny'
          ? { allowed: false, remaining: 0, retryAfterSeconds: UNANSWERED_RETRY_SECONDS }
          : { allowed: true, remaining: 0, retryAfterSeconds: 0 };
      }
      return {
        allowed: answer.success,
        remaining: answer.remaining,
        retryAfterSeconds: answer.success
          ? 0
          : Math.max(1, Math.ceil((answer.reset - Date.now()) / 1000)),
      };
    },
  };
}
