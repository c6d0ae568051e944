import { TRPCError } from '@trpc/server';
import type { Context } from '../context.ts';
import type { RateLimitName } from '../rate-limits.ts';

/**
 * Counts one attempt against a limit; over it, TOO_MANY_REQUESTS (429) with
 * Retry-After and a message a person can act on.
 */
export async function enforceLimit(ctx: Context, name: RateLimitName, key: string): Promise<void> {
  const result = await ctx.rateLimiters[name].limit(`${name}:${key}`);
  if (result.allowed) return;
  ctx.setHeader('retry-after', String(result.retryAfterSeconds));
  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many attempts. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
  });
}
