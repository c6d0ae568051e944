import 'server-only';
import {
  type FailureDelayName,
  failureDelayRules,
  type RateLimiters,
  type RateLimitName,
  rateLimitRules,
  // The rules alone: a route that only needs limits must not bundle the router.
} from '@edgecart/api/rate-limits';
import {
  createMemoryFailureDelay,
  createMemoryRateLimiter,
  createUpstashFailureDelay,
  createUpstashRateLimiter,
} from '@edgecart/cache';
import { env } from '~/env';
import { inWorker } from './runtime.ts';

const holder = globalThis as { edgecartRateLimiters?: RateLimiters };

/**
 * What a limit does when Redis does not answer: the ones that guard accounts
 * and email deny, and so does checkout, which guards stock holds (a script
 * must not hold the shelves while Redis is away; the shopper is asked to try
 * again in a moment); the ceiling on API calls, which guards the catalog,
 * lets the request through.
 */
const onTimeout: Record<RateLimitName | FailureDelayName, 'deny' | 'allow'> = {
  'login:ip': 'deny',
  'login:account': 'deny',
  'sign-up:ip': 'deny',
  'sign-up:account': 'deny',
  'reset:ip': 'deny',
  'reset:account': 'deny',
  'password:ip': 'deny',
  'password:account': 'deny',
  'checkout:ip': 'deny',
  'discount-code:ip': 'deny',
  'api:ip': 'allow',
  // A report is worth less than the bound on what a script can make the Worker send.
  'error-report:ip': 'deny',
  'admin:user': 'allow',
};

/**
 * The limits: counted in Upstash Redis when it is configured (one count for
 * every isolate), else in memory (per process under next dev, per isolate in a
 * Worker). In their own database when UPSTASH_LIMITS_REDIS_REST_* name one, so
 * that no cached page can evict a count; else in the cache's.
 */
export function getRateLimiters(): RateLimiters {
  if (holder.edgecartRateLimiters) return holder.edgecartRateLimiters;
  const own = env.UPSTASH_LIMITS_REDIS_REST_URL && env.UPSTASH_LIMITS_REDIS_REST_TOKEN;
  const url = own ? env.UPSTASH_LIMITS_REDIS_REST_URL : env.UPSTASH_REDIS_REST_URL;
  const token = own ? env.UPSTASH_LIMITS_REDIS_REST_TOKEN : env.UPSTASH_REDIS_REST_TOKEN;
  const names = Object.keys(rateLimitRules) as RateLimitName[];
  const delayNames = Object.keys(failureDelayRules) as FailureDelayName[];
  holder.edgecartRateLimiters = Object.fromEntries([
    ...names.map((name) => [
      name,
      url && token
        ? createUpstashRateLimiter(rateLimitRules[name], { url, token, onTimeout: onTimeout[name] })
        : createMemoryRateLimiter(rateLimitRules[name]),
    ]),
    ...delayNames.map((name) => [
      name,
      url && token
        ? createUpstashFailureDelay(failureDelayRules[name], {
            url,
            token,
            onTimeout: onTimeout[name],
          })
        : createMemoryFailureDelay(failureDelayRules[name]),
    ]),
  ]) as RateLimiters;
  return holder.edgecartRateLimiters;
}

/**
 * The client's IP: Cloudflare's CF-Connecting-IP in the Worker, which a
 * client cannot set; never X-Forwarded-For. next dev has no trusted source,
 * so every local request counts as one client. The API's context keys it
 * for the limits (`clientAddressKey`: an IPv6 address by its /64).
 */
export function clientIpOf(headers: Headers): string {
  return (inWorker ? headers.get('cf-connecting-ip') : null) ?? 'local';
}
