/**
 * What a database failure means, read from the error a driver (PGlite, the
 * Neon WebSocket pool, Neon's HTTP path) or drizzle threw: the one place that
 * knows PostgreSQL's SQLSTATE codes and the drivers' connection failures.
 */
export type DatabaseErrorKind =
  | 'unique_violation'
  | 'check_violation'
  | 'foreign_key_violation'
  | 'serialization_failure'
  | 'deadlock'
  | 'invalid_input'
  | 'unavailable';

const bySqlState: Record<string, DatabaseErrorKind> = {
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23503': 'foreign_key_violation',
  '40001': 'serialization_failure',
  '40P01': 'deadlock',
  // program_limit_exceeded: a value too big for an index row, i.e. oversized input.
  '54000': 'invalid_input',
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
  '57014': 'unavailable', // query_canceled (statement timeout)
};

/** SQLSTATE classes: 22 data exception, 08 connection exception, 53 insufficient resources. */
const byClass: Record<string, DatabaseErrorKind> = {
  '22': 'invalid_input',
  '08': 'unavailable',
  '53': 'unavailable',
};

/** Node's socket errors and undici's, when the server cannot be reached at all. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Messages of connection failures that carry no code (Neon's serverless driver, pg). */
const unavailableMessages = [
  /^Error connecting to database/i,
  /^Server error \(HTTP status 5\d\d\)/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /^WebSocket (?:error|connection|closed)/i,
];

/** Five characters, in a class PostgreSQL defines (so not Node's 'EPIPE'). */
const SQLSTATE = /^(?:[0-9][0-9A-Z]|HV|XX|P0|F0)[0-9A-Z]{3}$/;

function field(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function kindOf(value: object): DatabaseErrorKind | null {
  const code = field(value, 'code');
  if (typeof code === 'string') {
    if (networkCodes.has(code)) return 'unavailable';
    if (SQLSTATE.test(code)) return bySqlState[code] ?? byClass[code.slice(0, 2)] ?? null;
  }
  const name = field(value, 'name');
  if (name === 'AbortError' || name === 'TimeoutError') return 'unavailable';
  // A WebSocket 'error' event (ws's ErrorEvent, the DOM Event in workerd and Node 22).
  if (field(value, 'type') === 'error' && typeof field(value, 'target') === 'object') {
    return 'unavailable';
  }
  const message = field(value, 'message');
  if (typeof message === 'string' && unavailableMessages.some((re) => re.test(message))) {
    return 'unavailable';
  }
  return null;
}

/** The errors `error` wraps: drizzle's and the standard `cause`, Neon's `sourceError`, an event's `error`. */
function inner(value: object): unknown[] {
  const wrapped = [field(value, 'cause'), field(value, 'sourceError'), field(value, 'error')];
  const errors = field(value, 'errors');
  return Array.isArray(errors) ? [...wrapped, ...errors] : wrapped;
}

/**
 * What kind of database failure `error` is, or null when it is none this
 * function knows (a bug, to be answered as an internal error). Walks the chain
 * of causes, so drizzle's `DrizzleQueryError` and anything that wraps it work.
 * Pure: it reads properties and never throws.
 */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | null {
  const queue: unknown[] = [error];
  const seen = new Set<object>();
  while (queue.length > 0 && seen.size < 20) {
    const value = queue.shift();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    try {
      const kind = kindOf(value);
      if (kind) return kind;
      queue.push(...inner(value));
    } catch {
      // A getter that throws (a revoked proxy, say) tells us nothing.
    }
  }
  return null;
}

/** The SQLSTATE of the first error in the chain that has one, e.g. '23505'. */
export function sqlState(error: unknown): string | null {
  let value = error;
  for (let depth = 0; depth < 10 && typeof value === 'object' && value !== null; depth++) {
    const code = field(value, 'code');
    if (typeof code === 'string' && SQLSTATE.test(code)) return code;
    value = field(value, 'cause') ?? field(value, 'sourceError');
  }
  return null;
}
