import type { RateLimiter, RateLimitRule } from '@edgecart/cache';

/** What is limited, and how much: per client IP, and per account for log-in. */
export const rateLimitRules = {
  'login:ip': { attempts: 20, windowSeconds: 15 * 60 },
  'login:account': { attempts: 10, windowSeconds: 15 * 60 },
  'sign-up:ip': { attempts: 10, windowSeconds: 60 * 60 },
  'reset:ip': { attempts: 10, windowSeconds: 60 * 60 },
  /** Each checkout holds stock for 35 minutes: one client cannot hold the shelves. */
  'checkout:ip': { attempts: 20, windowSeconds: 15 * 60 },
  /**
   * Every tRPC call a client makes over HTTP: a shopper's browsing makes a few
   * a page, a scraper or a loop makes thousands. Generous, since shoppers
   * behind one carrier NAT share an address.
   */
  'api:ip': { attempts: 600, windowSeconds: 60 },
  /** Each admin's writes, whichever way they come (forms or tRPC): a stolen session cannot bulk-edit. */
  'admin:user': { attempts: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof rateLimitRules;

/** One limiter per rule, built by the entry: Upstash Redis in production, memory in development. */
export type RateLimiters = Record<RateLimitName, RateLimiter>;
