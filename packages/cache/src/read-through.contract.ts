import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';
import { createReadThrough, type ReadThrough, type ReadThroughOptions } from './read-through.ts';

/** A source of truth that counts its reads and can be held mid-read. */
function source<T>(value: () => T, delayMs = 0) {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    load: async () => {
      reads += 1;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return value();
    },
  };
}

/** A point a read reaches and then waits at until released. */
export function gate() {
  let reached = () => {};
  let release = () => {};
  const reaching = new Promise<void>((r) => {
    reached = r;
  });
  const held = new Promise<void>((r) => {
    release = r;
  });
  return { reached: () => reached(), reaching, held, release: () => release() };
}

let unique = 0;
const namespace = () => `contract:rt${Date.now()}:${unique++}`;

/**
 * What read-through caching must do on every adapter. `open(n)` gives n
 * caches that share one store, as n Worker isolates share one Redis.
 */
export function describeReadThroughContract(
  name: string,
  open: (n: number) => Promise<{ caches: Cache[]; close: () => Promise<void> }>,
  settings: Pick<ReadThroughOptions, 'localEntries'> = {},
) {
  const label = settings.localEntries ? `, with local copies` : '';
  describe(`read-through on ${name}${label}`, () => {
    let caches: Cache[];
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ caches, close } = await open(6));
    });
    afterAll(async () => {
      await close?.();
    });
    const logs: Record<string, unknown>[] = [];
    // What is tested here is coordination, not latency: the clock stands still, so no
    // caller ever gives up waiting, and no deadline, lock or timeout can run out on a
    // loaded machine (the failure tests set their own). Code that waited where it must
    // not would hang here and fail on the test's timeout instead.
    const frozen = Date.now();
    const make = (cache: Cache, ns: string): ReadThrough =>
      createReadThrough({
        cache,
        namespace: ns,
        log: (line) => logs.push(line),
        now: () => frozen,
        timeoutMs: 60_000,
        lockSeconds: 600,
        ...settings,
      });
    const first = () => caches[0] as Cache;

    it('reads the source on a miss, then answers from the cache', async () => {
      const rt = make(first(), namespace());
      const src = source(() => ({ price: 1800 }));
      const request = { key: 'p:1', tags: ['product:1'], ttlSeconds: 60, load: src.load };
      expect(await rt.read(request)).toEqual({ price: 1800 });
      expect(await rt.read(request)).toEqual({ price: 1800 });
      expect(src.reads).toBe(1);
    });

    it('keeps entries of different keys apart', async () => {
      const rt = make(first(), namespace());
      expect(await rt.read({ key: 'a', tags: [], ttlSeconds: 60, load: async () => 'A' })).toBe(
        'A',
      );
      expect(await rt.read({ key: 'b', tags: [], ttlSeconds: 60, load: async () => 'B' })).toBe(
        'B',
      );
      expect(await rt.read({ key: 'a', tags: [], ttlSeconds: 60, load: async () => 'X' })).toBe(
        'A',
      );
    });

    it('reads the source again once a tag of the entry is invalidated, and only then', async () => {
      const ns = namespace();
      const rt = make(first(), ns);
      let price = 1800;
      const src = source(() => price);
      const request = {
        key: 'p:1',
        tags: ['catalog', 'product:1'],
        ttlSeconds: 60,
        load: src.load,
      };
      expect(await rt.read(request)).toBe(1800);
      price = 2400;
      expect(await rt.invalidate(['product:2'])).toBe(true);
      expect(await rt.read(request)).toBe(1800);
      expect(await rt.invalidate(['product:1'])).toBe(true);
      // Another isolate sees the change as well.
      expect(await make(caches[1] as Cache, ns).read(request)).toBe(2400);
      expect(await rt.read(request)).toBe(2400);
      expect(src.reads).toBe(2);
    });

    it('sees another isolate’s invalidation on its very next read', async () => {
      const ns = namespace();
      const [a, b] = [make(first(), ns), make(caches[1] as Cache, ns)];
      let price = 1800;
      const request = { key: 'p:9', tags: ['product:9'], ttlSeconds: 60, load: async () => price };
      expect(await a.read(request)).toBe(1800);
      expect(await a.read(request)).toBe(1800);
      price = 2400;
      await b.invalidate(['product:9']);
      expect(await a.read(request)).toBe(2400);
    });

    it('never keeps a value read before an invalidation that landed during the read', async () => {
      const ns = namespace();
      const rt = make(first(), ns);
      let price = 1800;
      const read = gate();
      const slow = rt.read({
        key: 'p:1',
        tags: ['product:1'],
        ttlSeconds: 60,
        load: async () => {
          const seen = price;
          read.reached();
          await read.held;
          return seen;
        },
      });
      // The change commits and is announced while the first read holds the old price.
      await read.reaching;
      price = 2400;
      await rt.invalidate(['product:1']);
      // A read that starts now, while the old one is in progress, does not take its value.
      const src = source(() => price);
      const request = { key: 'p:1', tags: ['product:1'], ttlSeconds: 60, load: src.load };
      const fresh = rt.read(request);
      read.release();
      expect(await slow).toBe(1800);
      expect(await fresh).toBe(2400);
      expect(await rt.read(request)).toBe(2400);
      expect(src.reads).toBeGreaterThanOrEqual(1);
    });

    it('shares one read among concurrent misses in an isolate, and only under the same versions', async () => {
      const ns = namespace();
      const rt = make(first(), ns);
      const read = gate();
      let reads = 0;
      const request = {
        key: 'p:2',
        tags: ['product:2'],
        ttlSeconds: 60,
        load: async () => {
          reads += 1;
          read.reached();
          await read.held;
          return 1800;
        },
      };
      const waiting = Array.from({ length: 20 }, () => rt.read(request));
      await read.reaching;
      read.release();
      expect(await Promise.all(waiting)).toEqual(Array(20).fill(1800));
      expect(reads).toBe(1);
    });

    it('makes many concurrent misses on one key, from many isolates, read the source once', async () => {
      const ns = namespace();
      const isolates = caches.map((cache) => make(cache, ns));
      const src = source(() => ({ items: [1, 2, 3] }), 150);
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (isolates[i % isolates.length] as ReadThrough).read({
            key: 'list:featured',
            tags: ['catalog'],
            ttlSeconds: 60,
            load: src.load,
          }),
        ),
      );
      expect(src.reads).toBe(1);
      for (const result of results) expect(result).toEqual({ items: [1, 2, 3] });
    });

    it('reads the source once when a look that saw a miss ends after another isolate filled the key', async () => {
      const ns = namespace();
      const held = gate();
      let holdNext = true;
      // The second isolate's first look reads the cache (a miss) and then answers late.
      const slow = new Proxy(caches[1] as Cache, {
        get(target, property) {
          const member = Reflect.get(target, property);
          if (property !== 'getMany') {
            return typeof member === 'function' ? member.bind(target) : member;
          }
          return async (keys: string[]) => {
            const values = await target.getMany(keys);
            if (holdNext) {
              holdNext = false;
              held.reached();
              await held.held;
            }
            return values;
          };
        },
      });
      const src = source(() => ({ items: [4, 5] }));
      const request = { key: 'list:late', tags: ['catalog'], ttlSeconds: 60, load: src.load };
      const late = make(slow, ns).read(request);
      await held.reaching;
      expect(await make(first(), ns).read(request)).toEqual({ items: [4, 5] });
      held.release();
      expect(await late).toEqual({ items: [4, 5] });
      expect(src.reads).toBe(1);
    });

    it('passes a failed read on and frees the key for the next caller at once', async () => {
      const rt = make(first(), namespace());
      const request = {
        key: 'p:err',
        tags: [],
        ttlSeconds: 60,
        load: async () => {
          throw new Error('database down');
        },
      };
      await expect(rt.read(request)).rejects.toThrow('database down');
      // Had the failed read kept its lock, this one would wait for it on a clock that
      // stands still, and time out.
      expect(await rt.read({ ...request, load: async () => 'back' })).toBe('back');
    });

    it('stores only what may be stored, and callers waiting on it stop waiting at once', async () => {
      const ns = namespace();
      const isolates = caches.map((cache) => make(cache, ns));
      const src = source(() => ({ status: 500 }), 100);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (isolates[i % isolates.length] as ReadThrough).read({
            key: 'page',
            tags: [],
            ttlSeconds: 60,
            load: src.load,
            storable: (page) => page.status === 200,
          }),
        ),
      );
      // The first read, then the waiters, each on its own once the lock is gone (waiting
      // for the entry on a clock that stands still, they would time out).
      expect(src.reads).toBe(12);
      const again = source(() => ({ status: 200 }));
      const request = { key: 'page', tags: [], ttlSeconds: 60, load: again.load };
      await make(first(), ns).read({ ...request, storable: (p) => p.status === 200 });
      await make(first(), ns).read(request);
      expect(again.reads).toBe(1);
    });

    it('is healthy while the cache answers', async () => {
      const rt = make(first(), namespace());
      await rt.read({ key: 'x', tags: ['t'], ttlSeconds: 60, load: async () => 1 });
      expect(rt.state()).toEqual({ status: 'ok' });
      expect(logs.filter((l) => l.level === 'warn')).toEqual([]);
    });
  });
}
