/** Request ids and the one structured log line per request. Web APIs only. */

const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

/**
 * The request's id: the caller's `x-request-id` when it is a sane token, else
 * the platform's (Cloudflare's `cf-ray`), else a new one.
 */
export function requestIdOf(headers: Headers): string {
  for (const name of ['x-request-id', 'cf-ray']) {
    const value = headers.get(name);
    if (value && ACCEPTABLE_ID.test(value)) return value;
  }
  return crypto.randomUUID();
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
}

type Handler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Promise<Response>;

/**
 * Wraps a fetch handler: the request carries `x-request-id` inward, the
 * response carries it back, and one JSON line is logged with route, status
 * and duration. A thrown error is logged and answered with a 500 that names
 * the request id, never a stack.
 */
export function withRequestLog<Rest extends unknown[]>(
  handler: Handler<Rest>,
  log: (line: RequestLogLine) => void = (line) => console.log(JSON.stringify(line)),
): Handler<Rest> {
  return async (incoming, ...rest) => {
    const started = performance.now();
    const requestId = requestIdOf(incoming.headers);
    const headers = new Headers(incoming.headers);
    headers.set('x-request-id', requestId);
    const request = new Request(incoming, { headers });
    const line = (status: number): RequestLogLine => ({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      requestId,
      method: request.method,
      route: new URL(request.url).pathname,
      status,
      durationMs: Math.round(performance.now() - started),
      userId: null,
    });
    let response: Response;
    try {
      response = await handler(request, ...rest);
    } catch (error) {
      log({ ...line(500), level: 'error' });
      console.error(
        JSON.stringify({ level: 'error', msg: 'unhandled', requestId, error: String(error) }),
      );
      return Response.json(
        { error: 'Internal error', requestId },
        { status: 500, headers: { 'x-request-id': requestId } },
      );
    }
    log(line(response.status));
    // Responses from fetch() may have immutable headers: copy before setting.
    const out = new Response(response.body, response);
    out.headers.set('x-request-id', requestId);
    return out;
  };
}
