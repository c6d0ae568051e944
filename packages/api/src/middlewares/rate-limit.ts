import { TRPCError } from '@trpc/server';
import type { Context } from '../context.ts';
import type { FailureDelayName, RateLimitName } from '../rate-limits.ts';

/** How long to wait, as a person reads it: seconds under a minute, else whole minutes. */
function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? 'a second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** TOO_MANY_REQUESTS (429) with Retry-After and a message a person can act on. */
function tooMany(ctx: Context, retryAfterSeconds: number): never {
  ctx.setHeader('retry-after', String(retryAfterSeconds));
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many attempts. Wait ${waitInWords(retryAfterSeconds)} and try again.`,
  });
}

/** Counts one attempt against a limit; over it, 429 (`tooMany`). */
export async function enforceLimit(ctx: Context, name: RateLimitName, key: string): Promise<void> {
  const result = await ctx.rateLimiters[name].limit(`${name}:${key}`);
  if (!result.allowed) tooMany(ctx, result.retryAfterSeconds);
}

/**
 * Claims this client's turn at a growing delay (`failureDelayRules`): the
 * attempt counts as a failure until `clearDelay`; before the client's wait is
 * over, 429 with the seconds left. The clock is the context's.
 */
export async function enforceDelay(
  ctx: Context,
  name: FailureDelayName,
  key: string,
): Promise<void> {
  const result = await ctx.rateLimiters[name].attempt(`${name}:${key}`, ctx.clientIp, ctx.now());
  if (!result.allowed) tooMany(ctx, result.retryAfterSeconds);
}

/** The attempt succeeded: the failures on `key` and every client's wait are forgotten. */
export async function clearDelay(ctx: Context, name: FailureDelayName, key: string): Promise<void> {
  await ctx.rateLimiters[name].succeeded(`${name}:${key}`);
}
