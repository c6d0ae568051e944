import 'server-only';
import { type RateLimiters, type RateLimitName, rateLimitRules } from '@edgecart/api';
import { createMemoryRateLimiter, createUpstashRateLimiter } from '@edgecart/cache';
import { env } from '~/env';
import { inWorker } from './runtime.ts';

const holder = globalThis as { edgecartRateLimiters?: RateLimiters };

/**
 * What a limit does when Redis does not answer: the ones that guard accounts
 * and email deny; checkout, which guards stock holds, lets the sale through,
 * and so does the ceiling on API calls, which guards the catalog.
 */
const onTimeout: Record<RateLimitName, 'deny' | 'allow'> = {
  'login:ip': 'deny',
  'login:account': 'deny',
  'sign-up:ip': 'deny',
  'reset:ip': 'deny',
  'checkout:ip': 'allow',
  'api:ip': 'allow',
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
  holder.edgecartRateLimiters = Object.fromEntries(
    names.map((name) => [
      name,
      url && token
        ? createUpstashRateLimiter(rateLimitRules[name], { url, token, onTimeout: onTimeout[name] })
        : createMemoryRateLimiter(rateLimitRules[name]),
    ]),
  ) as RateLimiters;
  return holder.edgecartRateLimiters;
}

/**
 * The client's IP: Cloudflare's CF-Connecting-IP in the Worker, which a
 * client cannot set; never X-Forwarded-For. next dev has no trusted source,
 * so every local request counts as one client.
 */
export function clientIpOf(headers: Headers): string {
  return (inWorker ? headers.get('cf-connecting-ip') : null) ?? 'local';
}
