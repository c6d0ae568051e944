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

/**
 * Whether a path names an internal route however it is spelled: decoded
 * (`/api/%69nternal/`, twice-encoded too), in any case, with `//`, `/./`,
 * `/../` or backslashes in it. The Worker's entry refuses these from the outside;
 * comparing the raw prefix would let `/api/%69nternal/sweep` through to a
 * router that decodes it.
 */
export function isInternalPath(pathname: string): boolean {
  let path = pathname;
  // Byte by byte (a malformed sequence stays as it is), until nothing is left to decode.
  for (let round = 0; round < 4; round++) {
    const decoded = path.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (decoded === path) break;
    path = decoded;
  }
  const segments: string[] = [];
  for (const segment of path.replaceAll('\\', '/').toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const prefix = INTERNAL_PATH_PREFIX.split('/').filter(Boolean);
  return prefix.every((part, i) => segments[i] === part);
}

/** A request from this isolate to its own app. */
export function internalRequest(path: string): Request {
  return new Request(`https://edgecart.internal${INTERNAL_PATH_PREFIX}${path}`, {
    method: 'POST',
    headers: { [HEADER]: isolateSecret() },
  });
}

/**
 * Whether a request came from this isolate, or (in development, where `npm
 * run dev` runs the timers) carries INTERNAL_CRON_SECRET. Never true for a
 * request from outside a Worker: its entry refuses these paths.
 */
export function isInternalRequest(request: Request, cronSecret?: string): boolean {
  const global = globalThis as { [KEY]?: string };
  const sent = request.headers.get(HEADER);
  if (sent === null) return false;
  return [global[KEY], cronSecret].some((secret) => secret !== undefined && equal(sent, secret));
}

function equal(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  if (x.length !== y.length) return false;
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

/** The header a development timer sends its secret in. */
export const INTERNAL_HEADER = HEADER;
