import type { PasswordHasher } from '@edgecart/auth';
import type { FailureDelay, RateLimiter } from '@edgecart/cache';
import { noBusinessMetrics } from '@edgecart/core';
import type { Database } from '@edgecart/db';
import { type Context, type ContextInput, createContext } from '../context.ts';
import {
  type FailureDelayName,
  failureDelayRules,
  type RateLimiters,
  type RateLimitName,
  rateLimitRules,
} from '../rate-limits.ts';

const allowAll = (name: RateLimitName): RateLimiter => ({
  limit: async () => ({
    allowed: true,
    remaining: rateLimitRules[name].attempts,
    retryAfterSeconds: 0,
  }),
});

const noDelay: FailureDelay = {
  attempt: async () => ({ allowed: true, remaining: 0, retryAfterSeconds: 0 }),
  succeeded: async () => {},
};

/** Limiters that allow everything: for tests of other things than limits. */
export const noLimits = Object.fromEntries([
  ...(Object.keys(rateLimitRules) as RateLimitName[]).map((name) => [name, allowAll(name)]),
  ...(Object.keys(failureDelayRules) as FailureDelayName[]).map((name) => [name, noDelay]),
]) as RateLimiters;

/** A hasher for tests that never touch a password: using it is the test's bug. */
export const noHasher: PasswordHasher = {
  hash: () => Promise.reject(new Error('This test has no password hasher (testContext).')),
  verify: () => Promise.reject(new Error('This test has no password hasher (testContext).')),
  verifyDummy: () => Promise.reject(new Error('This test has no password hasher (testContext).')),
};

/**
 * The context a test's calls run in: every field explicit, as the app's
 * entries build it, with fakes that say what they are (no limits, no
 * payments, no cache, no hasher, cookies dropped). Override what the test is
 * about.
 */
export function testContext(db: Database, overrides: Partial<ContextInput> = {}): Context {
  return createContext({
    db,
    headers: new Headers(),
    requestId: 'test',
    now: () => new Date(),
    accounts: { hasher: noHasher, origin: 'http://shop.test', secure: false, setCookie: () => {} },
    devTools: false,
    clientIp: '203.0.113.7',
    rateLimiters: noLimits,
    setHeader: () => {},
    emailQueued: () => {},
    afterResponse: () => {
      throw new Error('This test has no after-response hook (testContext).');
    },
    readCookie: null,
    payments: null,
    catalogCache: null,
    media: null,
    importImageHosts: [],
    metrics: noBusinessMetrics,
    analytics: null,
    fromClient: false,
    ...overrides,
  });
}
