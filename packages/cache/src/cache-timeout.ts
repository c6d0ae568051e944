/** How long a cache call may take unless told otherwise, in milliseconds. */
export const DEFAULT_CACHE_TIMEOUT_MS = 250;

/** The deadlines `CACHE_TIMEOUT_MS` may set, in milliseconds. */
export const CACHE_TIMEOUT_MS_RANGE = { min: 10, max: 10_000 } as const;

/**
 * The deadline a `CACHE_TIMEOUT_MS` value sets: a whole number of
 * milliseconds in the range, else none (the caller's default). The app's
 * env.ts refuses such a value at start-up with the same range; the Worker's
 * entry, which reads its variables without a schema library (it stays small),
 * reads them here.
 */
export function cacheTimeoutFrom(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  const { min, max } = CACHE_TIMEOUT_MS_RANGE;
  return Number.isInteger(ms) && ms >= min && ms <= max ? ms : undefined;
}
