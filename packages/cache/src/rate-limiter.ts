/**
 * Counts attempts per key in a time window: in memory by default, Upstash
 * (`@upstash/ratelimit`) in production. Keys name what is limited and whom,
 * e.g. `login:ip:203.0.113.7` or `login:account:ann@example.com`.
 */
export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within the limit. */
  limit(key: string): Promise<RateLimitResult>;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts left in this window. */
  remaining: number;
  /** When denied: whole seconds until an attempt is allowed again (for Retry-After). */
  retryAfterSeconds: number;
}

export interface RateLimitRule {
  /** Attempts allowed per window. */
  attempts: number;
  windowSeconds: number;
}
