import type { FailureDelay, FailureDelayRule, RateLimiter, RateLimitRule } from '@edgecart/cache';

/**
 * What is limited, and how much: per client IP, and per account. Every
 * procedure that hashes a password (argon2id, 19 MiB) is limited both ways:
 * sign-up, log-in (`failureDelayRules`), a reset by link, a change of password
 * and deleting an account.
 */
export const rateLimitRules = {
  'login:ip': { attempts: 20, windowSeconds: 15 * 60 },
  'sign-up:ip': { attempts: 10, windowSeconds: 60 * 60 },
  /** Per address asked for, known or not: one inbox is not mailed in a loop. */
  'sign-up:account': { attempts: 5, windowSeconds: 60 * 60 },
  /** Asking for a reset link and using one (a random token answers without hashing). */
  'reset:ip': { attempts: 10, windowSeconds: 60 * 60 },
  /** Reset links asked for one address, known or not; each link is one hash, once. */
  'reset:account': { attempts: 5, windowSeconds: 60 * 60 },
  /** Changing the password and deleting the account, which check the current one. */
  'password:ip': { attempts: 20, windowSeconds: 15 * 60 },
  'password:account': { attempts: 10, windowSeconds: 15 * 60 },
  /** Discount codes tried (applied or refused): codes cannot be guessed by brute force. */
  'discount-code:ip': { attempts: 10, windowSeconds: 15 * 60 },
  /** Each checkout holds stock for 35 minutes: one client cannot hold the shelves. */
  'checkout:ip': { attempts: 20, windowSeconds: 15 * 60 },
  /**
   * Every tRPC call a client makes over HTTP: a shopper's browsing makes a few
   * a page, a scraper or a loop makes thousands. Generous, since shoppers
   * behind one carrier NAT share an address.
   */
  'api:ip': { attempts: 600, windowSeconds: 60 },
  /**
   * Error reports a browser sends (`/api/errors`), each sent on to Sentry: a
   * page in trouble sends a few (at most 5 a page), a loop is cut off.
   */
  'error-report:ip': { attempts: 30, windowSeconds: 10 * 60 },
  /** Each admin's writes, whichever way they come (forms or tRPC): a stolen session cannot bulk-edit. */
  'admin:user': { attempts: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof rateLimitRules;

/**
 * Log-in per account: not a lock anyone could put on an account (an admin's),
 * but a growing delay. Past 10 failures, each further attempt waits 1 s,
 * doubled at every failure, up to 15 minutes; each client waits from its own
 * last attempt, so the owner trying from elsewhere gets in with the right
 * password, and a success forgets the failures. Forgotten a day after the
 * last attempt.
 */
export const failureDelayRules = {
  'login:account': {
    freeFailures: 10,
    firstDelaySeconds: 1,
    maxDelaySeconds: 15 * 60,
    forgetAfterSeconds: 24 * 60 * 60,
  },
} as const satisfies Record<string, FailureDelayRule>;

export type FailureDelayName = keyof typeof failureDelayRules;

/** One limiter per rule, built by the entry: Upstash Redis in production, memory in development. */
export type RateLimiters = Record<RateLimitName, RateLimiter> &
  Record<FailureDelayName, FailureDelay>;
