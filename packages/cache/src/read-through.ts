import type { Cache } from './cache.ts';
import { DEFAULT_CACHE_TIMEOUT_MS } from './cache-timeout.ts';

export { cacheTimeoutFrom, DEFAULT_CACHE_TIMEOUT_MS } from './cache-timeout.ts';

/**
 * Cache-aside with tags, a lock against stampedes, and a fallback to the
 * source when the cache is slow or down. Made for isolates that share
 * nothing (Workers): every piece of coordination lives in the cache itself,
 * and no promise is shared between requests.
 *
 * **Tags.** Each tag has a version in the cache (a random id, or nothing yet).
 * An entry is stored with the versions its tags had *before* the source was
 * read, and is good only while every one is unchanged. `invalidate` gives its
 * tags new versions: every entry under them is stale from that moment, even
 * one being written by a read that began earlier (it carries the old
 * versions). A change is therefore invisible to every read that starts after
 * `invalidate` resolved; call it after the change commits, never inside its
 * transaction.
 *
 * **Stampede.** On a miss, one caller takes a short lock (`add`), looks
 * again, and reads the source; the others poll the cache for its entry and read the source
 * themselves only if it has not come within `waitMs`. Within an isolate,
 * concurrent misses of one key under the same tag versions share one read
 * (one lock attempt, one poller): the second line of defence when the cache
 * is too slow for the lock to work, and never more than one read per isolate
 * while the cache is down. Waiters take the value through a plain map that
 * they poll on their own timers: no promise crosses requests.
 *
 * **Local copies.** With `localEntries`, an isolate keeps that many entries
 * it has read or written (least recently used first out). A read then asks
 * the cache for the tags' versions only, a few bytes, and answers from the
 * copy while they match: the same freshness, without moving the value.
 *
 * **Failure.** Each cache call has `timeoutMs`. When one fails, the read goes
 * to the source, one log line says the cache is unavailable, and the cache is
 * left alone for `retryAfterMs` (reads go straight to the source); then it is
 * tried again. Nothing is written while it is unavailable.
 */
export interface ReadThrough {
  read<T>(request: ReadRequest<T>): Promise<T>;
  /** New versions for these tags. Never throws: a failure is logged and reported false. */
  invalidate(tags: readonly string[]): Promise<boolean>;
  /** Whether the last cache call in this isolate worked, and since when it has not. */
  state(): CacheState;
}

export interface ReadRequest<T> {
  /** Normalised by the caller: equal inputs, equal keys. */
  key: string;
  tags: readonly string[];
  ttlSeconds: number;
  /** Reads the source of truth. */
  load: () => Promise<T>;
  /** Whether a value may be stored (a page that set a cookie may not); all may by default. */
  storable?: (value: T) => boolean;
}

export type CacheState = { status: 'ok' } | { status: 'unavailable'; since: string; error: string };

export interface ReadThroughOptions {
  cache: Cache;
  /** Prefix of every key, with a version of the stored shape: `edgecart:catalog:v3`. */
  namespace: string;
  /** Prefix of the tags' keys, when entries of several namespaces share tags; `namespace` by default. */
  tagNamespace?: string;
  /** Each cache call's deadline. */
  timeoutMs?: number;
  /** How long the lock holder has to write the entry; the lock expires after it. */
  lockSeconds?: number;
  /** How long a caller that lost the lock waits for the entry before reading the source. */
  waitMs?: number;
  pollMs?: number;
  /** How long a caller waits for a read of the same key in its isolate before reading itself. */
  joinWaitMs?: number;
  /** How long the cache is left alone after a failure. */
  retryAfterMs?: number;
  /** How long a tag's version lives: longer than any entry's TTL. */
  tagTtlSeconds?: number;
  /** How many entries this isolate keeps a copy of (0: none). */
  localEntries?: number;
  log?: (line: Record<string, unknown>) => void;
  /** Told when the cache goes away, then once a minute while it stays away (the metrics). */
  onUnavailable?: (operation: string) => void;
  now?: () => number;
}

interface StoredEntry {
  /** The tag versions the value was read under. */
  t: (string | null)[];
  v: unknown;
  /** When it expires in the cache (ms since the epoch): a local copy lives no longer. */
  e: number;
}

class CacheTimeout extends Error {
  constructor(operation: string, ms: number) {
    super(`${operation}: no answer within ${ms} ms`);
    this.name = 'CacheTimeout';
  }
}

function isEntry(value: unknown): value is StoredEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as StoredEntry).t) &&
    typeof (value as StoredEntry).e === 'number' &&
    'v' in value
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const defaultLog = (line: Record<string, unknown>) => console.warn(JSON.stringify(line));

export function createReadThrough(options: ReadThroughOptions): ReadThrough {
  const { cache, namespace } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CACHE_TIMEOUT_MS;
  const lockSeconds = options.lockSeconds ?? 5;
  const waitMs = options.waitMs ?? 1_500;
  const pollMs = options.pollMs ?? 25;
  const joinWaitMs = options.joinWaitMs ?? 10_000;
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const tagTtlSeconds = options.tagTtlSeconds ?? 30 * 24 * 3600;
  const log = options.log ?? defaultLog;
  const now = options.now ?? Date.now;
  const localEntries = options.localEntries ?? 0;
  // Insertion order is recency order: a hit moves its key to the end.
  const local = new Map<string, StoredEntry>();
  const keepLocal = (key: string, entry: StoredEntry) => {
    if (localEntries <= 0) return;
    local.delete(key);
    local.set(key, entry);
    while (local.size > localEntries) {
      const oldest = local.keys().next().value;
      if (oldest === undefined) break;
      local.delete(oldest);
    }
  };

  let failure: { since: number; error: string; retryAt: number; loggedAt: number } | null = null;

  /**
   * Reads of the source in progress in this isolate, by key. `under` names
   * the tag versions the read began under (or, without the cache, this
   * isolate's invalidation count): only a read that began under the same ones
   * is as fresh as a new one, so only such a read is joined.
   */
  interface Flight {
    under: string;
    settled?: { shared: true; value: unknown } | { shared: false };
  }
  const flights = new Map<string, Flight>();
  let invalidations = 0;

  const entryKey = (key: string) => `${namespace}:entry:${key}`;
  const lockKey = (key: string) => `${namespace}:lock:${key}`;
  const tagKey = (tag: string) => `${options.tagNamespace ?? namespace}:tag:${tag}`;

  /** One cache call with its deadline; a failure marks the cache unavailable and rethrows. */
  async function call<R>(operation: string, run: () => Promise<R>): Promise<R> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new CacheTimeout(operation, timeoutMs)), timeoutMs);
        }),
      ]);
      if (failure) {
        log({
          level: 'info',
          msg: 'cache available again',
          namespace,
          unavailableMs: now() - failure.since,
        });
        failure = null;
      }
      return result;
    } catch (error) {
      const at = now();
      const first = failure === null;
      failure = {
        since: failure?.since ?? at,
        error: describe(error),
        retryAt: at + retryAfterMs,
        loggedAt: failure?.loggedAt ?? at,
      };
      // One line when the cache goes away, then one a minute while it stays away.
      if (first || at - failure.loggedAt >= 60_000) {
        failure.loggedAt = at;
        log({
          level: 'warn',
          msg: 'cache unavailable: reading the database',
          namespace,
          operation,
          error: failure.error,
          retryAfterMs,
        });
        options.onUnavailable?.(operation);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  const available = () => failure === null || now() >= failure.retryAt;

  const freshUnder = (entry: unknown, versions: (string | null)[]): entry is StoredEntry =>
    isEntry(entry) &&
    entry.e > now() &&
    entry.t.length === versions.length &&
    entry.t.every((version, i) => version === versions[i]);

  /**
   * The entry (or, with a local copy, only whether it is still fresh), the
   * current versions of its tags and (when asked) its lock, in one round trip.
   */
  async function look(
    key: string,
    tags: readonly string[],
    withLock = false,
  ): Promise<{ hit: { value: unknown } | null; versions: (string | null)[]; locked: boolean }> {
    const copy = local.get(key);
    const keys = [...(copy ? [] : [entryKey(key)]), ...tags.map(tagKey)];
    if (withLock) keys.push(lockKey(key));
    const values = await call('read', () => cache.getMany(keys));
    const locked = withLock ? values.pop() !== null : false;
    const entry = copy ?? values.shift();
    const current = values.map((v) => (typeof v === 'string' ? v : null));
    if (freshUnder(entry, current)) {
      keepLocal(key, entry);
      return { hit: { value: entry.v }, versions: current, locked };
    }
    if (copy) {
      // Stale since an invalidation: another isolate may have stored the new value already.
      local.delete(key);
      return look(key, tags, withLock);
    }
    return { hit: null, versions: current, locked };
  }

  /**
   * One read of the source per key and `under` in this isolate: the first
   * caller runs `fill`, the others wait for what it settles on. A value that
   * may not be stored is not handed on (it may be one visitor's), nor is a
   * failure: those waiters read for themselves.
   */
  async function joined<T>(
    request: ReadRequest<T>,
    under: string,
    fill: () => Promise<T>,
  ): Promise<T> {
    const running = flights.get(request.key);
    if (running && running.under === under) {
      // Bounded: a read whose request was cancelled never settles.
      const deadline = now() + joinWaitMs;
      while (!running.settled && now() < deadline) {
        await new Promise((r) => setTimeout(r, pollMs));
      }
      const settled = running.settled;
      if (settled?.shared) return settled.value as T;
      return request.load();
    }
    const flight: Flight = { under };
    flights.set(request.key, flight);
    try {
      const value = await fill();
      const shared = !request.storable || request.storable(value);
      flight.settled = shared ? { shared, value } : { shared };
      return value;
    } catch (error) {
      flight.settled = { shared: false };
      throw error;
    } finally {
      if (flights.get(request.key) === flight) flights.delete(request.key);
    }
  }

  /** The source, once per isolate, for callers that cannot use the cache. */
  const withoutCache = <T>(request: ReadRequest<T>) =>
    joined(request, `local:${invalidations}`, request.load);

  async function read<T>(request: ReadRequest<T>): Promise<T> {
    if (!available()) return withoutCache(request);
    let looked: Awaited<ReturnType<typeof look>>;
    try {
      looked = await look(request.key, request.tags);
    } catch {
      return withoutCache(request);
    }
    if (looked.hit) return looked.hit.value as T;
    const under = `cache:${invalidations}:${JSON.stringify(looked.versions)}`;
    return joined(request, under, () => fill(request, looked.versions));
  }

  /** A miss: take the lock and read the source, or wait for the holder's entry. */
  async function fill<T>(request: ReadRequest<T>, versions: (string | null)[]): Promise<T> {
    let locked: boolean;
    try {
      locked = await call('lock', () =>
        cache.add(lockKey(request.key), now(), { ttlSeconds: lockSeconds }),
      );
    } catch {
      return request.load();
    }
    if (!locked) {
      const deadline = now() + waitMs;
      while (now() < deadline) {
        await new Promise((r) => setTimeout(r, pollMs));
        try {
          const again = await look(request.key, request.tags, true);
          if (again.hit) return again.hit.value as T;
          // The holder finished without storing (its read failed, or was not storable).
          if (!again.locked) break;
        } catch {
          break;
        }
      }
      return request.load();
    }

    try {
      // Checked again under the lock: a look that began before another caller stored the
      // entry can end after that caller unlocked, and this one then holds a new lock on a
      // key that is already filled (a second read of the source, seen under load).
      const filled = await look(request.key, request.tags).catch(() => null);
      if (filled?.hit) return filled.hit.value as T;
      const value = await request.load();
      if (request.storable && !request.storable(value)) return value;
      const entry: StoredEntry = {
        t: versions,
        v: value,
        e: now() + request.ttlSeconds * 1000,
      };
      const written = await call('write', () =>
        cache.set(entryKey(request.key), entry, { ttlSeconds: request.ttlSeconds }),
      ).then(
        () => true,
        () => false,
      );
      // Kept here only once the cache holds it too: a copy is never fresher than the cache.
      if (written) keepLocal(request.key, entry);
      return value;
    } finally {
      if (available()) {
        await call('unlock', () => cache.delete(lockKey(request.key))).catch(() => undefined);
      }
    }
  }

  async function invalidate(tags: readonly string[]): Promise<boolean> {
    if (tags.length === 0) return true;
    // Reads of this isolate in progress began before the change: none is joined from now on.
    invalidations += 1;
    try {
      await call('invalidate', () =>
        Promise.all(
          [...new Set(tags)].map((tag) =>
            cache.set(tagKey(tag), crypto.randomUUID(), { ttlSeconds: tagTtlSeconds }),
          ),
        ),
      );
      return true;
    } catch (error) {
      log({
        level: 'error',
        msg: 'cache invalidation failed: entries under these tags live out their TTL',
        namespace,
        tags,
        error: describe(error),
      });
      return false;
    }
  }

  function state(): CacheState {
    return failure
      ? {
          status: 'unavailable',
          since: new Date(failure.since).toISOString(),
          error: failure.error,
        }
      : { status: 'ok' };
  }

  return { read, invalidate, state };
}
