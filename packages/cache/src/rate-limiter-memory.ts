/// <reference path="./rate-limiter-flexible.d.ts" />
import type { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
// The memory store alone: the package's index loads every store it supports.
import MemoryStore from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import type { RateLimiter, RateLimitRule } from './rate-limiter.ts';

const isLimiterAnswer = (value: unknown): value is RateLimiterRes =>
  typeof value === 'object' && value !== null && 'msBeforeNext' in value;

/** The embedded default: counts in this process (rate-limiter-flexible's memory store). */
export function createMemoryRateLimiter(rule: RateLimitRule): RateLimiter {
  const store: RateLimiterMemory = new MemoryStore({
    points: rule.attempts,
    duration: rule.windowSeconds,
  });
  return {
    async limit(key) {
      try {
        const answer = await store.consume(key);
        return { allowed: true, remaining: answer.remainingPoints, retryAfterSeconds: 0 };
      } catch (rejection) {
        // The store rejects with its answer when the key is over the limit.
        if (!isLimiterAnswer(rejection)) throw rejection;
        return {
          allowed: false,
          remaining: 0,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
    },
  };
}
