/**
 * A key-value cache with expiry: Upstash Redis in production, memory in
 * development. Every method may fail (the network); callers treat the cache as
 * an optimisation, never as the source of truth.
 *
 * Both adapters behave the same way, and `cache-contract.ts` holds them to it:
 *
 * - **Values are stored as JSON text** that the adapter writes and reads itself
 *   (`encodeCacheValue`, `decodeCacheValue`): a value comes back as
 *   `JSON.parse(JSON.stringify(value))`. Strings come back as strings, however
 *   they look (`'42'`, `'null'`, `'true'`, `'{"a":1}'`, `''`); numbers, booleans,
 *   arrays and objects keep their types. What JSON changes comes back changed,
 *   the same way on both: properties set to `undefined` are dropped, `NaN` and
 *   `Infinity` become `null`, a `Date` becomes its ISO string, `-0` becomes `0`.
 * - `set` rejects (TypeError) a value JSON has no text for (`undefined`, a
 *   function, a symbol) or cannot write (a BigInt, a cycle); nothing is stored.
 * - `null` can be stored, but reads back as `null`, like a miss.
 * - `get` answers `null` for a missing or expired key, and for an entry that is
 *   not JSON text (written by something else): a miss, so the caller recomputes
 *   and overwrites it.
 * - **`ttlSeconds` must be a whole number of seconds from 1 to
 *   `MAX_TTL_SECONDS`** (about 68 years). Anything else, 0 and negative numbers
 *   included, rejects with a RangeError before anything is stored, and what the
 *   key held before is left as it was. To drop a key, use `delete`.
 */
export interface Cache {
  readonly kind: 'upstash' | 'memory';
  get<T>(key: string): Promise<T | null>;
  /** Several keys in one round trip, in order; a miss is null, as with `get`. */
  getMany(keys: string[]): Promise<unknown[]>;
  set(key: string, value: unknown, options: { ttlSeconds: number }): Promise<void>;
  /**
   * Sets the key only if it holds nothing (Redis `SET NX EX`): true when this
   * call set it. The same TTL rules as `set`. A short lock is made of this.
   */
  add(key: string, value: unknown, options: { ttlSeconds: number }): Promise<boolean>;
  delete(...keys: string[]): Promise<void>;
  /** Resolves when the cache answers; for health checks. */
  ping(): Promise<void>;
}

/** The longest TTL the cache accepts: 2^31 - 1 seconds, about 68 years. */
export const MAX_TTL_SECONDS = 2_147_483_647;

/** Throws a RangeError unless `ttlSeconds` is a whole number from 1 to MAX_TTL_SECONDS. */
export function assertTtlSeconds(ttlSeconds: unknown): asserts ttlSeconds is number {
  if (
    typeof ttlSeconds !== 'number' ||
    !Number.isInteger(ttlSeconds) ||
    ttlSeconds < 1 ||
    ttlSeconds > MAX_TTL_SECONDS
  ) {
    throw new RangeError(
      `cache ttlSeconds must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}, got ${String(ttlSeconds)}`,
    );
  }
}

/** The JSON text a value is stored as; a TypeError for values JSON cannot represent. */
export function encodeCacheValue(value: unknown): string {
  // JSON.stringify itself throws a TypeError for a BigInt or a cycle.
  const text: string | undefined = JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError(`cannot cache a value of type ${typeof value}: it has no JSON form`);
  }
  return text;
}

/** The value stored as `text`; null (a miss) when there is none or it is not JSON. */
export function decodeCacheValue<T>(text: string | null | undefined): T | null {
  if (text == null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
