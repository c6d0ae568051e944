import 'server-only';
import { type RateLimiters, rateLimitRules } from '@edgecart/api';
import { createMemoryRateLimiter } from '@edgecart/cache';
import { inWorker } from './runtime.ts';

const holder = globalThis as { edgecartRateLimiters?: RateLimiters };

/**
 * The account limits, counted in memory for now: per process under next dev,
 * per isolate in a Worker. The Upstash limiter (shared by every isolate)
 * comes with the caching issue.
 */
export function getRateLimiters(): RateLimiters {
  holder.edgecartRateLimiters ??= {
    'login:ip': createMemoryRateLimiter(rateLimitRules['login:ip']),
    'login:account': createMemoryRateLimiter(rateLimitRules['login:account']),
    'sign-up:ip': createMemoryRateLimiter(rateLimitRules['sign-up:ip']),
    'reset:ip': createMemoryRateLimiter(rateLimitRules['reset:ip']),
    'checkout:ip': createMemoryRateLimiter(rateLimitRules['checkout:ip']),
  };
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
