/**
 * What leaves for Sentry, in the Worker and in the browser alike: the error,
 * the route pattern, the request id and the release, never personal data,
 * tokens, cookies or SQL parameters. Every event passes through `scrubEvent`
 * (the SDKs' `beforeSend`), which keeps what is known to be harmless and
 * drops or masks the rest. error-report-scrub.test.ts shows each rule.
 */

/** Request headers worth keeping: none names a person or carries a credential. */
const SAFE_HEADERS = new Set(['user-agent', 'accept', 'content-type', 'x-request-id', 'cf-ray']);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** Long runs of letters and digits: session tokens, order keys, ids. */
const TOKEN = /\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}\b/g;
/** A path segment that is an id or a token, not a word of the route. */
const ID_SEGMENT = /^(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}$/;
/** drizzle's "Failed query: … params: a,b,c" and the like. */
const PARAMS = /(params?:\s*)(\[[^\]]*\]|[^\n]*)/gi;
const SENSITIVE_KEY = /pass|secret|token|cookie|auth|key|session|param|sql|email|card/i;

export function scrubText(text: string): string {
  return text.replace(PARAMS, '$1[redacted]').replace(EMAIL, '[email]').replace(TOKEN, '[token]');
}

/** A URL without its query, fragment or credentials; its path with ids and tokens masked. */
export function scrubUrl(url: string): string {
  try {
    const parsed = new URL(url, 'http://x');
    const path = parsed.pathname
      .split('/')
      .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
      .join('/');
    return url.startsWith('/') ? path : `${parsed.origin}${path}`;
  } catch {
    return '[url]';
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function scrubValues(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubValues);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        SENSITIVE_KEY.test(key) ? [key, '[redacted]'] : [key, scrubValues(inner)],
      ),
    );
  }
  return value;
}

/** The SDKs' `beforeSend`: the event with only what may leave. */
export function scrubEvent<T extends object>(event: T): T {
  const e = event as Json;
  delete e.user;
  delete e.server_name;
  // Sentry would otherwise fill in the sender's IP address as the user's.
  e.sdk = { ...(isObject(e.sdk) ? e.sdk : {}), settings: { infer_ip: 'never' } };
  if (isObject(e.request)) {
    const request = e.request;
    const headers = isObject(request.headers) ? request.headers : {};
    e.request = {
      ...(typeof request.url === 'string' ? { url: scrubUrl(request.url) } : {}),
      ...(typeof request.method === 'string' ? { method: request.method } : {}),
      headers: Object.fromEntries(
        Object.entries(headers).filter(([name]) => SAFE_HEADERS.has(name.toLowerCase())),
      ),
    };
  }
  if (isObject(e.extra)) e.extra = scrubValues(e.extra);
  if (typeof e.message === 'string') e.message = scrubText(e.message);
  if (isObject(e.exception) && Array.isArray(e.exception.values)) {
    for (const value of e.exception.values as Json[]) {
      if (typeof value.value === 'string') value.value = scrubText(value.value);
      const frames = isObject(value.stacktrace) ? value.stacktrace.frames : undefined;
      if (Array.isArray(frames)) for (const frame of frames as Json[]) delete frame.vars;
    }
  }
  const breadcrumbs = Array.isArray(e.breadcrumbs)
    ? e.breadcrumbs
    : isObject(e.breadcrumbs) && Array.isArray(e.breadcrumbs.values)
      ? e.breadcrumbs.values
      : [];
  for (const crumb of breadcrumbs as Json[]) {
    if (typeof crumb.message === 'string') crumb.message = scrubText(crumb.message);
    if (isObject(crumb.data)) {
      crumb.data = Object.fromEntries(
        Object.entries(crumb.data).map(([key, inner]) => [
          key,
          ['url', 'from', 'to'].includes(key) && typeof inner === 'string'
            ? scrubUrl(inner)
            : SENSITIVE_KEY.test(key)
              ? '[redacted]'
              : scrubValues(inner),
        ]),
      );
    }
  }
  return event;
}
