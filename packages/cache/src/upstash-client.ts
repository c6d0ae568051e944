import { Redis, type RedisConfigNodejs } from '@upstash/redis';

/**
 * The Upstash REST client as every adapter here makes it: no telemetry, and
 * no automatic pipelining. The client's default gathers the commands of one
 * tick into a single pipeline request: in a Worker that is a request made in
 * one visitor's context and awaited in another's, and each command pays for
 * building a pipeline (a tenth of a warm page hit's CPU in the
 * bench's profile). One command, one request, sent by the request that asked.
 */
export function upstashClient(
  options: { url: string; token: string },
  settings: Omit<RedisConfigNodejs, 'url' | 'token'> = {},
): Redis {
  return new Redis({
    url: options.url,
    token: options.token,
    enableTelemetry: false,
    enableAutoPipelining: false,
    ...settings,
  });
}
