import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, MAX_TTL_SECONDS } from './cache.ts';

/** Strings that a cache which parses what it reads back would turn into something else. */
const trickyStrings: [label: string, value: string][] = [
  ['a number', '42'],
  ['a negative decimal', '-3.5'],
  ['an exponent', '1e3'],
  ['zero', '0'],
  ['null', 'null'],
  ['true', 'true'],
  ['false', 'false'],
  ['a JSON object', '{"a":1}'],
  ['a JSON array', '[1,2]'],
  ['a JSON string', '"quoted"'],
  ['the empty string', ''],
  ['whitespace', ' \n\t '],
  ['a Redis status reply', 'OK'],
  ['a ping reply', 'PONG'],
  ['base64', 'SGVsbG8='],
  ['unicode', 'Café ☕ 日本語 🧁 — ünïcödé'],
  ['control characters', 'a\u0000b\u0007c\\'],
  ['a lone surrogate', '\ud800'],
];

/** Values of every JSON type, which must come back with their type. */
const typedValues: [label: string, value: unknown][] = [
  ['the number 0', 0],
  ['a positive integer', 42],
  ['a negative integer', -7],
  ['a negative decimal', -273.15],
  ['the largest safe integer', Number.MAX_SAFE_INTEGER],
  ['a number JSON writes as an exponent', 1e21],
  ['true', true],
  ['false', false],
  ['an empty array', []],
  ['a mixed array', [1, '2', null, true, { a: [] }, [[]]]],
  ['an empty object', {}],
  [
    'nested nulls',
    { a: null, b: { c: null, d: [null, { e: null }] }, f: [null], g: 'null', h: '' },
  ],
];

/** A catalog page's worth of JSON: several hundred kilobytes. */
function largeValue() {
  return {
    items: Array.from({ length: 2_000 }, (_, i) => ({
      id: `prod_${i}`,
      title: `Product ${i} — Café ☕ ${'x'.repeat(i % 50)}`,
      price: { amount: i * 100 - 50_000, currency: 'EUR' },
      tags: ['a', String(i), 'null', ''],
      discontinued: i % 7 === 0 ? null : i % 2 === 0,
    })),
    nextCursor: null,
  };
}

/** What every cache adapter must do, run against each one (see cache.ts). */
export function describeCacheContract(
  name: string,
  open: () => Promise<{ cache: Cache; close: () => Promise<void> }>,
) {
  describe(`${name} cache`, () => {
    let cache: Cache;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ cache, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    it('answers a ping', async () => {
      await expect(cache.ping()).resolves.toBeUndefined();
    });

    it('returns what was set, as JSON, and null for what was not', async () => {
      const value = {
        title: 'Café mug',
        price: { amount: 1800, currency: 'USD' },
        tags: ['a', 'b'],
      };
      await cache.set('contract:json', value, { ttlSeconds: 60 });
      expect(await cache.get('contract:json')).toEqual(value);
      expect(await cache.get('contract:missing')).toBeNull();
      await cache.set('contract:number', 42, { ttlSeconds: 60 });
      expect(await cache.get('contract:number')).toBe(42);
    });

    it.each(trickyStrings)(
      'gives back a string that looks like %s as that same string',
      async (label, value) => {
        const key = `contract:string:${label}`;
        await cache.set(key, value, { ttlSeconds: 60 });
        const back = await cache.get<string>(key);
        expect(typeof back).toBe('string');
        expect(back).toBe(value);
      },
    );

    it.each(typedValues)('gives back %s with its type', async (label, value) => {
      const key = `contract:typed:${label}`;
      await cache.set(key, value, { ttlSeconds: 60 });
      const back = await cache.get(key);
      expect(back).toStrictEqual(value);
      expect(typeof back).toBe(typeof value);
      expect(Array.isArray(back)).toBe(Array.isArray(value));
    });

    it('gives back a large object whole', async () => {
      const value = largeValue();
      expect(JSON.stringify(value).length).toBeGreaterThan(200_000);
      await cache.set('contract:large', value, { ttlSeconds: 60 });
      expect(await cache.get('contract:large')).toStrictEqual(value);
    });

    it('stores null, which reads back like a miss', async () => {
      await cache.set('contract:null', null, { ttlSeconds: 60 });
      expect(await cache.get('contract:null')).toBeNull();
    });

    it('changes values the way JSON does, and only that way', async () => {
      const value = {
        dropped: undefined,
        notANumber: Number.NaN,
        infinite: Number.POSITIVE_INFINITY,
        negativeZero: -0,
        when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
        list: [undefined, 1],
      };
      await cache.set('contract:lossy', value, { ttlSeconds: 60 });
      expect(await cache.get('contract:lossy')).toStrictEqual({
        notANumber: null,
        infinite: null,
        negativeZero: 0,
        when: '2024-01-02T03:04:05.000Z',
        list: [null, 1],
      });
    });

    it.each([
      ['undefined', undefined],
      ['a function', () => 1],
      ['a symbol', Symbol('s')],
      ['a BigInt', 1n],
    ])('refuses %s, which has no JSON form, and stores nothing', async (label, value) => {
      const key = `contract:refused:${label}`;
      await expect(cache.set(key, value, { ttlSeconds: 60 })).rejects.toThrow(TypeError);
      expect(await cache.get(key)).toBeNull();
    });

    it('refuses a value that refers to itself', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(cache.set('contract:cyclic', cyclic, { ttlSeconds: 60 })).rejects.toThrow(
        TypeError,
      );
      expect(await cache.get('contract:cyclic')).toBeNull();
    });

    it.each([
      ['0', 0],
      ['a negative number', -1],
      ['a fraction', 1.5],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['one past the maximum', MAX_TTL_SECONDS + 1],
      ['a numeric string', '60' as unknown as number],
    ])('refuses a TTL of %s and leaves the key as it was', async (label, ttlSeconds) => {
      const key = `contract:ttl:${label}`;
      await expect(cache.set(key, 'new', { ttlSeconds })).rejects.toThrow(
        /ttlSeconds must be a whole number of seconds from 1/,
      );
      await expect(cache.set(key, 'new', { ttlSeconds })).rejects.toThrow(RangeError);
      expect(await cache.get(key)).toBeNull();
      await cache.set(key, 'old', { ttlSeconds: 60 });
      await expect(cache.set(key, 'new', { ttlSeconds })).rejects.toThrow(RangeError);
      expect(await cache.get(key)).toBe('old');
    });

    it('accepts TTLs from 1 second to the maximum', async () => {
      await cache.set('contract:ttl-min', 'min', { ttlSeconds: 1 });
      await cache.set('contract:ttl-max', 'max', { ttlSeconds: MAX_TTL_SECONDS });
      expect(await cache.get('contract:ttl-min')).toBe('min');
      expect(await cache.get('contract:ttl-max')).toBe('max');
    });

    it('replaces a value set again under the same key', async () => {
      await cache.set('contract:replace', { v: 1 }, { ttlSeconds: 60 });
      await cache.set('contract:replace', '1', { ttlSeconds: 60 });
      expect(await cache.get('contract:replace')).toBe('1');
    });

    it('deletes several keys at once', async () => {
      await cache.set('contract:a', 1, { ttlSeconds: 60 });
      await cache.set('contract:b', 2, { ttlSeconds: 60 });
      await cache.delete('contract:a', 'contract:b', 'contract:never-set');
      expect(await cache.get('contract:a')).toBeNull();
      expect(await cache.get('contract:b')).toBeNull();
      await expect(cache.delete()).resolves.toBeUndefined();
    });

    it('reads several keys in one call, in order, with null for each miss', async () => {
      await cache.set('contract:many:a', { a: 1 }, { ttlSeconds: 60 });
      await cache.set('contract:many:b', '2', { ttlSeconds: 60 });
      expect(
        await cache.getMany(['contract:many:b', 'contract:many:none', 'contract:many:a']),
      ).toStrictEqual(['2', null, { a: 1 }]);
      expect(await cache.getMany([])).toStrictEqual([]);
    });

    it('adds a key only when it holds nothing, and says whether it did', async () => {
      await cache.delete('contract:add');
      expect(await cache.add('contract:add', 'first', { ttlSeconds: 60 })).toBe(true);
      expect(await cache.add('contract:add', 'second', { ttlSeconds: 60 })).toBe(false);
      expect(await cache.get('contract:add')).toBe('first');
      await expect(cache.add('contract:add-ttl', 'x', { ttlSeconds: 0 })).rejects.toThrow(
        RangeError,
      );
      expect(await cache.get('contract:add-ttl')).toBeNull();
    });

    it('lets exactly one of many concurrent adds of one key win', async () => {
      await cache.delete('contract:add-race');
      const wins = await Promise.all(
        Array.from({ length: 40 }, (_, i) => cache.add('contract:add-race', i, { ttlSeconds: 60 })),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('adds again once the earlier value has expired', async () => {
      expect(await cache.add('contract:add-short', 'a', { ttlSeconds: 1 })).toBe(true);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await cache.add('contract:add-short', 'b', { ttlSeconds: 60 })).toBe(true);
      expect(await cache.get('contract:add-short')).toBe('b');
    });

    it('forgets a value once its time is up', async () => {
      await cache.set('contract:short', 'soon gone', { ttlSeconds: 1 });
      expect(await cache.get('contract:short')).toBe('soon gone');
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await cache.get('contract:short')).toBeNull();
    });
  });
}
