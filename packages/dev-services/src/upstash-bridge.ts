import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

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
  const run = async ([name, ...args]: Command): Promise<Reply> => {
    try {
      return { result: await redis.callBuffer(String(name), ...args.map(String)) };
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
