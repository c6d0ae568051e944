/** What the server log gets about an error: never query parameters, secrets or a client's view. */
export interface ErrorLogFields {
  /** The error's class or name, e.g. 'DatabaseError', 'NeonDbError', 'TypeError'. */
  errorClass: string;
  message: string;
  stack?: string;
  /** A SQLSTATE ('23505') or a Node error code ('ECONNREFUSED'), when there is one. */
  code?: string;
  /** The SQL of a failed query, with its $1 placeholders: never the parameters. */
  query?: string;
}

type Fields = Record<string, unknown>;

const MAX_MESSAGE = 2000;
const MAX_STACK = 8000;
const GENERIC_NAMES = new Set(['Error', 'error', 'Object', '']);
const SQLSTATE = /^(?:[0-9][0-9A-Z]|HV|XX|P0|F0)[0-9A-Z]{3}$/;

/** Credentials in connection strings (postgres://user:password@host) and key=value forms. */
function redact(text: string, max: number): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@')
    .replace(/\b(password|passwd|pwd|apikey|api_key|token|secret)=[^\s&;]+/gi, '$1=[redacted]')
    .slice(0, max);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

/** drizzle's wrapper: its message and stack spell out the query's parameters. */
function isFailedQuery(value: Fields): boolean {
  return (
    typeof value.query === 'string' &&
    'params' in value &&
    String(value.message).startsWith('Failed query:')
  );
}

/** Wrappers that add nothing to the log: tRPC's, the domain's, drizzle's, a WebSocket error event. */
function isWrapper(value: Fields): boolean {
  const name = String(value.name);
  if (isFailedQuery(value) || name === 'TRPCError') return true;
  if (typeof value.kind === 'string' && value instanceof Error) return true; // a DomainError
  return !(value instanceof Error) && value.error instanceof Error; // an ErrorEvent
}

function errorClass(value: Fields, code: string | undefined): string {
  const name = typeof value.name === 'string' ? value.name : '';
  if (!GENERIC_NAMES.has(name)) return name;
  const constructorName = typeof value.constructor === 'function' ? value.constructor.name : '';
  // Bundlers shorten class names to a letter or two; those say nothing.
  if (constructorName.length > 2 && !GENERIC_NAMES.has(constructorName)) return constructorName;
  return code && SQLSTATE.test(code) ? 'DatabaseError' : 'Error';
}

/** Only the "at ..." lines of a stack whose first line is not safe to log. */
function framesOnly(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/**
 * The fields to log for an error that reached the edge of the API, e.g.
 * `{ level: 'error', requestId, path, ...describeErrorForLog(error.cause ?? error) }`.
 * Unwraps tRPC's and the domain's wrappers and drizzle's `DrizzleQueryError`
 * down to the driver's error (SQLSTATE, message, stack); keeps the failed
 * query's SQL but never its parameters; redacts credentials in connection strings.
 */
export function describeErrorForLog(error: unknown): ErrorLogFields {
  let value: unknown = error;
  let query: string | undefined;
  for (let depth = 0; depth < 10 && isObject(value) && isWrapper(value); depth++) {
    if (isFailedQuery(value)) query = String(value.query);
    const inner = value.cause ?? (value instanceof Error ? undefined : value.error);
    if (!isObject(inner)) break;
    value = inner;
  }
  if (!isObject(value)) {
    return { errorClass: typeof value, message: redact(String(value), MAX_MESSAGE) };
  }
  const code =
    typeof value.code === 'string' || typeof value.code === 'number'
      ? String(value.code)
      : undefined;
  const raw = typeof value.message === 'string' ? value.message : String(value.type ?? 'unknown');
  const unsafe = isFailedQuery(value) || raw.startsWith('Failed query:');
  const message = unsafe ? 'Failed query (parameters withheld)' : raw;
  const stack = unsafe ? framesOnly(value.stack) : value.stack;
  return {
    errorClass: errorClass(value, code),
    message: redact(message, MAX_MESSAGE),
    ...(typeof stack === 'string' && stack ? { stack: redact(stack, MAX_STACK) } : {}),
    ...(code ? { code } : {}),
    ...(query ? { query: redact(query, MAX_MESSAGE) } : {}),
  };
}
