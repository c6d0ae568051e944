import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { listenLocal } from './listen-local.ts';
import { readBody } from './read-body.ts';

/** One email the stand-in accepted, as the provider would have sent it. */
export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string | undefined;
  html: string | undefined;
  idempotencyKey: string | undefined;
}

/** A failure the stand-in answers with instead of accepting, as Resend's API does. */
export interface InjectedFailure {
  status: number;
  name: string;
  message?: string;
}

export interface ResendStandIn {
  /** The API's base URL, for the SDK's `baseUrl` (RESEND_BASE_URL). */
  url: string;
  apiKey: string;
  /** Every email accepted so far, once each (a replayed idempotency key adds nothing). */
  received: ReceivedEmail[];
  /** Requests to POST /emails, counting replays and failures. */
  requests: () => number;
  /** The next `times` sends fail with this error (a status of 0 drops the connection). */
  failNext: (failure: InjectedFailure, times?: number) => void;
  /** Delays every answer, to exercise a sender's timeout. */
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
}

const maxBodyBytes = 1_000_000;

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, status: number, name: string, message: string) {
  reply(response, status, { statusCode: status, name, message });
}

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** `Shop <shop@example.com>` or a bare address. */
const senderPattern = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/**
 * Resend's email API (`POST /emails`) as its SDK speaks it: Bearer auth, the
 * JSON payload validated the way the service does (422 `validation_error`),
 * `Idempotency-Key` honoured (the same key and payload answer the first id; the
 * same key with another payload is a 409), errors as `{ statusCode, name,
 * message }`. It keeps what it accepted, for tests to read. Dev and tests only.
 */
export async function startResendStandIn(
  options: { apiKey?: string; port?: number } = {},
): Promise<ResendStandIn> {
  const apiKey = options.apiKey ?? 're_local_stand_in';
  const received: ReceivedEmail[] = [];
  const byKey = new Map<string, { body: string; id: string }>();
  const failures: InjectedFailure[] = [];
  let requests = 0;
  let delayMs = 0;

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (path !== '/emails') return fail(response, 404, 'not_found', 'Route not found.');
    if (request.method !== 'POST') {
      return fail(response, 405, 'method_not_allowed', 'Method is not allowed.');
    }
    requests += 1;
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const failure = failures.shift();
    if (failure) {
      if (failure.status === 0) return request.socket.destroy();
      return fail(response, failure.status, failure.name, failure.message ?? failure.name);
    }
    const authorization = request.headers.authorization;
    if (!authorization) return fail(response, 401, 'missing_api_key', 'Missing API key.');
    if (authorization !== `Bearer ${apiKey}`) {
      return fail(response, 403, 'invalid_api_key', 'API key is invalid.');
    }
    let raw: string;
    let payload: Record<string, unknown>;
    try {
      raw = (await readBody(request, maxBodyBytes)).toString('utf8');
      payload = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail(response, 400, 'validation_error', 'The body is not valid JSON.');
    }
    const to = typeof payload.to === 'string' ? [payload.to] : payload.to;
    const problems: string[] = [];
    if (typeof payload.from !== 'string' || !senderPattern.test(payload.from)) {
      problems.push('Invalid `from` field.');
    }
    if (
      !Array.isArray(to) ||
      to.length === 0 ||
      to.length > 50 ||
      !to.every((a) => typeof a === 'string' && emailPattern.test(a))
    ) {
      problems.push('Invalid `to` field.');
    }
    if (typeof payload.subject !== 'string' || payload.subject.length === 0) {
      problems.push('Missing `subject` field.');
    }
    if (typeof payload.text !== 'string' && typeof payload.html !== 'string') {
      problems.push('Missing `html` or `text` field.');
    }
    if (problems.length > 0) return fail(response, 422, 'validation_error', problems.join(' '));

    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    if (idempotencyKey !== undefined) {
      const earlier = byKey.get(idempotencyKey);
      if (earlier && earlier.body !== raw) {
        return fail(
          response,
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload.',
        );
      }
      if (earlier) return reply(response, 200, { id: earlier.id });
    }
    const id = randomUUID();
    if (idempotencyKey !== undefined) byKey.set(idempotencyKey, { body: raw, id });
    received.push({
      id,
      from: payload.from as string,
      to: to as string[],
      subject: payload.subject as string,
      text: typeof payload.text === 'string' ? payload.text : undefined,
      html: typeof payload.html === 'string' ? payload.html : undefined,
      idempotencyKey,
    });
    return reply(response, 200, { id });
  });

  const { port, close } = await listenLocal(server, { port: options.port });
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    received,
    requests: () => requests,
    failNext: (failure, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    close,
  };
}
