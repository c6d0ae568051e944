import {
  allowedAnswer,
  type FailureDelay,
  type FailureDelayRule,
  waitAnswer,
} from './failure-delay.ts';
import type { UpstashOptions } from './upstash.ts';
import { upstashClient } from './upstash-client.ts';

export interface UpstashFailureDelayOptions extends UpstashOptions {
  /** What an attempt gets when Redis does not answer in time (`deny` for log-in). */
  onTimeout: 'deny' | 'allow';
  /** How long to wait for Redis (default 500 ms). */
  timeoutMs?: number;
  /** Key prefix, so delays never share keys with the cache. */
  prefix?: string;
}

/** How long a denial for want of an answer from Redis asks the client to wait. */
const UNANSWERED_RETRY_SECONDS = 30;

/**
 * One hash per subject: `failures`, `last` (any attempt), `new` (the last
 * attempt of a client new to the subject) and `c:<client>` (each client's
 * last attempt), all in ms on the caller's clock. Checked and counted in one
 * script, so that concurrent attempts cannot share one turn. Answers the ms a
 * client must still wait, or -1 when the attempt is counted.
 */
const ATTEMPT = `
local key = KEYS[1]
local field = 'c:' .. ARGV[1]
local now = tonumber(ARGV[2])
local free = tonumber(ARGV[3])
local first = tonumber(ARGV[4])
local max = tonumber(ARGV[5])
local forget = tonumber(ARGV[6])
local state = redis.call('HMGET', key, 'failures', 'last', 'new', field)
local failures = tonumber(state[1]) or 0
local last = tonumber(state[2])
if last and now - last >= forget then
  redis.call('DEL', key)
  failures = 0
  state = {}
end
local own = tonumber(state[4])
local since = own or tonumber(state[3])
if since and failures >= free then
  local wait = math.min(max, first * math.pow(2, math.min(failures - free, 52))) * 1000
  if now < since + wait then return since + wait - now end
end
redis.call('HINCRBY', key, 'failures', 1)
redis.call('HSET', key, 'last', now, field, now)
if not own then redis.call('HSET', key, 'new', now) end
redis.call('PEXPIRE', key, forget)
return -1
`;

/** Counts failures in Upstash Redis: one record per account for every isolate. */
export function createUpstashFailureDelay(
  rule: FailureDelayRule,
  options: UpstashFailureDelayOptions,
): FailureDelay {
  const redis = upstashClient(options, {
    retry: { retries: 0 },
  });
  const prefix = options.prefix ?? 'edgecart:delay';
  const timeoutMs = options.timeoutMs ?? 500;
  const script = redis.createScript<number>(ATTEMPT);
  const withTimeout = <T>(work: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  };
  const warn = (msg: string, error: unknown) =>
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  return {
    async attempt(subject, client, now) {
      let waitMs: number;
      try {
        waitMs = await withTimeout(
          script.exec(
            [`${prefix}:${subject}`],
            [
              client,
              String(now.getTime()),
              String(rule.freeFailures),
              String(rule.firstDelaySeconds),
              String(rule.maxDelaySeconds),
              String(rule.forgetAfterSeconds * 1000),
            ],
          ),
        );
      } catch (error) {
        if (options.onTimeout === 'allow') return allowedAnswer;
        warn('failure delay store did not answer: denied', error);
        return { allowed: false, remaining: 0, retryAfterSeconds: UNANSWERED_RETRY_SECONDS };
      }
      return waitMs < 0 ? allowedAnswer : waitAnswer(waitMs);
    },
    async succeeded(subject) {
      // The attempt itself succeeded: a store that fails here must not undo it.
      try {
        await withTimeout(redis.del(`${prefix}:${subject}`));
      } catch (error) {
        warn('failure delay store did not forget a success', error);
      }
    },
  };
}
