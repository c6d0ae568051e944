/** Request ids and the one structured log line per request. Web APIs only. */
// The error describer alone: the Worker's entry must not pull the whole API into its bundle.
import { describeErrorForLog } from '@edgecart/api/error-log';
import { attachRequestState, type RequestState } from './request-state.ts';
import { withHeaders } from './response-headers.ts';
import { RuntimeRequest, runtimeConsole } from './runtime-globals.ts';
import { unavailableResponse } from './unavailable-response.ts';

const PLATFORM_ID = /^[\w.:-]{1,128}$/;

/**
 * The request's id: the platform's (Cloudflare's `cf-ray`, which a client
 * cannot set on the way in) when it is a sane token, else a new one. An
 * `x-request-id` sent by the client is never taken.
 */
export function assignRequestId(headers: Headers): string {
  const ray = headers.get('cf-ray');
  return ray && PLATFORM_ID.test(ray) ? ray : crypto.randomUUID();
}

export interface RequestLogLine {
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  requestId: string;
  method: string;
  /** The path only: query strings can carry search terms and tokens. */
  route: string;
  status: number;
  /** Until the response's headers were ready. */
  durationMs: number;
  /** The signed-in user, once accounts exist; never a secret or card data. */
  userId: string | null;
  /** Why a 5xx happened, in a word the logs can be searched for. */
  cause?: string;
}

const isTrpc = (request: Request) => new URL(request.url).pathname.startsWith('/api/trpc/');

type Handler<Env> = (request: Request, env: Env, ctx: object) => Promise<Response>;

/**
 * Told of every request once its answer is known: the metrics
 * (request-metrics.ts) and the error reports (error-reports.ts).
 */
export type RequestObserver<Env> = (
  line: RequestLogLine,
  request: Request,
  env: Env,
  ctx: object,
) => void;

/**
 * Wraps the Worker's fetch handler: the request carries `x-request-id` inward,
 * the response carries it back, and one JSON line is logged with route,
 * status and duration. A thrown error is answered with a 500 naming the
 * request id, never a stack; a 5xx caused by an unreachable database becomes
 * a 503 with Retry-After and a clear page.
 */
export function withRequestLog<Env>(
  handler: Handler<Env>,
  log: (line: RequestLogLine) => void = (line) =>
    (line.level === 'error' ? runtimeConsole.error : runtimeConsole.log)(JSON.stringify(line)),
  observe: RequestObserver<Env> = () => {},
): Handler<Env> {
  return async (incoming, env, ctx) => {
    const logged = (entry: RequestLogLine) => {
      log(entry);
      observe(entry, incoming, env, ctx);
    };
    const started = performance.now();
    const requestId = assignRequestId(incoming.headers);
    const state: RequestState = { requestId, databaseUnavailable: false };
    attachRequestState(ctx, state);
    const headers = new Headers(incoming.headers);
    headers.set('x-request-id', requestId);
    const request = new RuntimeRequest(incoming, { headers });
    const line = (status: number, cause?: string): RequestLogLine => ({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      requestId,
      method: request.method,
      route: new URL(request.url).pathname,
      status,
      durationMs: Math.round(performance.now() - started),
      userId: null,
      ...(cause ? { cause } : {}),
    });
    let response: Response;
    try {
      response = await handler(request, env, ctx);
    } catch (error) {
      // For the error report (error-reports.ts), which the observers send.
      state.error ??= error;
      if (state.databaseUnavailable) {
        logged(line(503, 'database_unavailable'));
        return unavailableResponse(request, requestId);
      }
      const name = error instanceof Error ? error.name : typeof error;
      logged(line(500, `unhandled ${name}`));
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'unhandled',
          requestId,
          ...describeErrorForLog(error),
        }),
      );
      return Response.json(
        { error: 'Internal error', requestId },
        { status: 500, headers: { 'x-request-id': requestId } },
      );
    }
    // tRPC answers an outage with its own 503, in the shape its client reads: keep it.
    if (response.status === 500 && state.databaseUnavailable && !isTrpc(request)) {
      logged(line(503, 'database_unavailable'));
      return unavailableResponse(request, requestId);
    }
    logged(
      line(
        response.status,
        response.status >= 500 ? 'see the error lines of this request' : undefined,
      ),
    );
    return withHeaders(response, { 'x-request-id': requestId });
  };
}
