import type { RateLimitResult } from './rate-limiter.ts';

/**
 * A growing delay between failed attempts on one subject (an account), in
 * place of a lock: past `freeFailures`, each further attempt waits
 * `firstDelaySeconds`, doubled for every failure since, up to
 * `maxDelaySeconds`. A success forgets everything.
 */
export interface FailureDelayRule {
  /** Failures a subject may have before attempts on it wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest wait: the most any attacker can make the owner wait. */
  maxDelaySeconds: number;
  /** Failures are forgotten this long after a subject's last attempt. */
  forgetAfterSeconds: number;
}

/**
 * Delays failed attempts on a subject without ever locking it. The wait is
 * counted per client, from that client's own last attempt, so that no client
 * can spend another's turn: an attacker's failures make everyone's wait grow,
 * but the owner, trying from elsewhere, waits at most one delay and then gets
 * in with the right password. A client new to the subject waits from the last
 * attempt any new client made, so that clients which are fresh every time
 * (many addresses) share one turn instead of each getting a free one.
 *
 * Times come from the caller (`now`), so the rule runs on a controlled clock.
 */
export interface FailureDelay {
  /**
   * Claims an attempt on `subject` by `client` at `now`. When allowed, the
   * attempt counts as a failure until `succeeded` says otherwise; when not,
   * `retryAfterSeconds` says how long this client must wait.
   */
  attempt(subject: string, client: string, now: Date): Promise<RateLimitResult>;
  /** The attempt succeeded: the subject's failures and waits are forgotten. */
  succeeded(subject: string): Promise<void>;
}

/** How long after its last counted attempt a client must wait, in ms, with `failures` on record. */
export function delayAfterMs(rule: FailureDelayRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 52);
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** doublings) * 1000;
}

/** The answer for a client that must wait `waitMs` more. */
export const waitAnswer = (waitMs: number): RateLimitResult => ({
  allowed: false,
  remaining: 0,
  retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
});

export const allowedAnswer: RateLimitResult = { allowed: true, remaining: 0, retryAfterSeconds: 0 };
