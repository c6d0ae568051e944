import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { listenLocal } from './listen-local.ts';
import { readBody } from './read-body.ts';

/** One item of an envelope: its header (`type`, …) and its payload, parsed when JSON. */
export interface EnvelopeItem {
  header: { type: string; [key: string]: unknown };
  payload: unknown;
}

export interface ReceivedEnvelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
  /** The auth the SDK sent: `sentry_key` from the query or the X-Sentry-Auth header. */
  key: string | null;
}

export interface SentryStandIn {
  /** The DSN to give the SDKs: `http://<key>@127.0.0.1:<port>/<project>`. */
  dsn: string;
  envelopes: ReceivedEnvelope[];
  /** Every item of type `event` received so far: errors and messages. */
  events: () => Record<string, unknown>[];
  close: () => Promise<void>;
}

const MAX_BODY = 1024 * 1024;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const raw = await readBody(request, MAX_BODY);
  const encoding = request.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  return raw;
}

/**
 * Reads Sentry's envelope format: a JSON header line, then items, each a JSON
 * header line and a payload (of `length` bytes when the header says so, else
 * up to the next newline).
 */
export function parseEnvelope(body: Buffer): {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
} {
  let at = 0;
  const line = () => {
    const end = body.indexOf(0x0a, at);
    const text = body.subarray(at, end === -1 ? body.length : end).toString('utf8');
    at = end === -1 ? body.length : end + 1;
    return text;
  };
  const header = JSON.parse(line()) as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  while (at < body.length) {
    const headerLine = line();
    if (headerLine.trim() === '') continue;
    const itemHeader = JSON.parse(headerLine) as EnvelopeItem['header'];
    let payloadText: string;
    if (typeof itemHeader.length === 'number') {
      payloadText = body.subarray(at, at + itemHeader.length).toString('utf8');
      at += itemHeader.length;
      if (body[at] === 0x0a) at += 1;
    } else {
      payloadText = line();
    }
    let payload: unknown = payloadText;
    try {
      payload = JSON.parse(payloadText);
    } catch {}
    items.push({ header: itemHeader, payload });
  }
  return { header, items };
}

/**
 * A local stand-in for Sentry's ingestion: `POST /api/<project>/envelope/`
 * as the SDKs send it (plain or compressed, the key in the query or the
 * X-Sentry-Auth header, CORS for the browser's SDK), answering `{ id }` as
 * Sentry does, 401 for a wrong key, 400 for a body that is not an envelope.
 * Tests read what would have been sent.
 */
export async function startSentryStandIn(
  options: {
    project?: string;
    key?: string;
    /** Told of each event as it arrives (preview:edge prints a line). */
    onEvent?: (event: Record<string, unknown>) => void;
  } = {},
): Promise<SentryStandIn> {
  const project = options.project ?? '4242';
  const publicKey = options.key ?? 'edgecartlocalkey';
  const envelopes: ReceivedEnvelope[] = [];
  const server = createServer(async (request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, x-sentry-auth',
      'access-control-allow-methods': 'POST, OPTIONS',
    };
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      response.end();
      return;
    }
    if (request.method !== 'POST' || url.pathname !== `/api/${project}/envelope/`) {
      response.writeHead(404, cors);
      response.end();
      return;
    }
    const auth = request.headers['x-sentry-auth'];
    const key =
      url.searchParams.get('sentry_key') ??
      (typeof auth === 'string' ? (/sentry_key=([^,\s]+)/.exec(auth)?.[1] ?? null) : null);
    try {
      const body = await bodyOf(request);
      const parsed = parseEnvelope(body);
      const dsnKey =
        typeof parsed.header.dsn === 'string' ? new URL(parsed.header.dsn).username : null;
      if ((key ?? dsnKey) !== publicKey) {
        response.writeHead(401, { ...cors, 'content-type': 'application/json' });
        response.end(JSON.stringify({ detail: 'Invalid api key' }));
        return;
      }
      envelopes.push({ ...parsed, key: key ?? dsnKey });
      for (const item of parsed.items) {
        if (item.header.type === 'event')
          options.onEvent?.(item.payload as Record<string, unknown>);
      }
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: (parsed.header.event_id as string) ?? randomUUID() }));
    } catch (error) {
      response.writeHead(400, { ...cors, 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ detail: error instanceof Error ? error.message : 'bad envelope' }),
      );
    }
  });
  const { port, close } = await listenLocal(server);
  return {
    dsn: `http://${publicKey}@127.0.0.1:${port}/${project}`,
    envelopes,
    events: () =>
      envelopes.flatMap((e) =>
        e.items
          .filter((item) => item.header.type === 'event')
          .map((item) => item.payload as Record<string, unknown>),
      ),
    close,
  };
}
