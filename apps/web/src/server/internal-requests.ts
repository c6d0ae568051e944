/**
 * Requests the Worker makes to its own app (the scheduled run), told apart from
 * the outside by a secret that lives only in the isolate's memory. The Worker's
 * entry also refuses these paths from the outside. Web APIs only.
 */
export const INTERNAL_PATH_PREFIX = '/api/internal/';
const HEADER = 'x-edgecart-internal';
const KEY = Symbol.for('edgecart.internal-secret');

/** One per isolate, made on first use (a Worker may not make random values at start-up). */
function isolateSecret(): string {
  const global = globalThis as { [KEY]?: string };
  global[KEY] ??= `${crypto.randomUUID()}${crypto.randomUUID()}`;
  return global[KEY];
}

/** A request from this isolate to its own app. */
export function internalRequest(path: string): Request {
  return new Request(`https://edgecart.internal${INTERNAL_PATH_PREFIX}${path}`, {
    method: 'POST',
    headers: { [HEADER]: isolateSecret() },
  });
}

/** Whether a request came from this isolate: never true for one from outside, nor in `next dev`. */
export function isInternalRequest(request: Request): boolean {
  const global = globalThis as { [KEY]?: string };
  const secret = global[KEY];
  return secret !== undefined && request.headers.get(HEADER) === secret;
}
