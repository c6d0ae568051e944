import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { listenLocal } from './listen-local.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export interface UpstashBridge {
  /** The REST URL, for UPSTASH_REDIS_REST_URL. */
  url: string;
  token: string;
  close: () => Promise<void>;
}

type Command = (string | number)[];
type Reply = { result: unknown } | { error: string };

/** Upstash's base64 encoding: every string in a reply, recursively; numbers and null as they are. */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return base64 ? value.toString('base64') : value.toString('utf8');
  if (typeof value === 'string') return base64 ? Buffer.from(value).toString('base64') : value;
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
}

function isCommand(value: unknown): value is Command {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((part) => typeof part === 'string' || typeof part === 'number')
  );
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * A deadline for a cache call through the bridge that a loaded CI machine
 * meets. Production's deadlines (250 ms for the cache, 500 ms for limits) are
 * meant for Upstash; here, under a full suite, the bridge has taken longer,
 * and a call past its deadline counts as an outage (a read falls back and
 * leaves Redis alone for 5 s; a limit with `onTimeout: 'deny'` denies). Tests
 * that assert hits or counts use this; tests of outages keep short deadlines.
 */
export const BRIDGE_PATIENCE_MS = 10_000;

/**
 * Upstash's REST protocol in front of a real redis-server, so that the real
 * `@upstash/redis` client can be tested here: POST / (one command),
 * /pipeline and /multi-exec, with Bearer auth and base64 replies. Dev and tests only.
 */
export async function startUpstashBridge(options: {
  redisUrl: string;
  token?: string;
  port?: number;
}): Promise<UpstashBridge> {
  const token = options.token ?? 'edgecart-local-token';
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  // A Redis that went away shows as per-command errors, not as a crash.
  redis.on('error', () => {});
  // Lua scripts: Upstash accepts `#!lua flags=allow-key-locking`, Redis 7.0 does not. The
  // bridge runs them without the shebang line and maps the client's SHA1 to the one it loaded.
  const loaded = new Map<string, string>();
  const load = (script: string) => {
    const runnable = script.replace(/^#![^\n]*\n/, '');
    loaded.set(sha1(script), sha1(runnable));
    return runnable;
  };
  const translate = (name: string, args: string[]): string[] => {
    const command = name.toLowerCase();
    if (command === 'eval' && args[0] !== undefined) return [load(args[0]), ...args.slice(1)];
    if (command === 'evalsha' && args[0] !== undefined) {
      return [loaded.get(args[0]) ?? args[0], ...args.slice(1)];
    }
    if (command === 'script' && args[0]?.toLowerCase() === 'load' && args[1] !== undefined) {
      return ['load', load(args[1])];
    }
    return args;
  };
  const run = async ([name, ...rawArgs]: Command): Promise<Reply> => {
    try {
      const args = translate(String(name), rawArgs.map(String));
      const result = await redis.callBuffer(String(name), ...args);
      // SCRIPT LOAD answers the SHA1 the client computed, which EVALSHA will send.
      if (String(name).toLowerCase() === 'script' && args[0] === 'load') {
        return { result: sha1(String(rawArgs[1])) };
      }
      return { result };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') return send(response, 405, { error: 'POST only' });
    if (request.headers.authorization !== `Bearer ${token}`) {
      return send(response, 401, { error: 'Unauthorized' });
    }
    const base64 = String(request.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return send(response, 400, { error: 'ERR body is not JSON' });
    }
    const path = new URL(request.url ?? '/', 'http://bridge').pathname;
    const encodeReply = (reply: Reply) =>
      'result' in reply ? { result: encode(reply.result, base64) } : reply;

    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body) || !body.every(isCommand)) {
        return send(response, 400, { error: 'ERR expected an array of commands' });
      }
      if (path === '/pipeline') {
        const replies = [];
        for (const command of body) replies.push(encodeReply(await run(command)));
        return send(response, 200, replies);
      }
      const results = (await redis
        .multi(body.map(([name, ...args]) => [String(name), ...args.map(String)]))
        .exec()) as [Error | null, unknown][] | null;
      if (!results) return send(response, 400, { error: 'ERR transaction aborted' });
      return send(
        response,
        200,
        results.map(([error, result]) =>
          encodeReply(error ? { error: error.message } : { result }),
        ),
      );
    }
    if (!isCommand(body)) return send(response, 400, { error: 'ERR expected a command array' });
    const reply = await run(body);
    return send(response, 'error' in reply ? 400 : 200, encodeReply(reply));
  });
  const listening = await listenLocal(server, { port: options.port });
  const { port } = listening;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: async () => {
      await listening.close();
      redis.disconnect();
    },
  };
}
