import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';

/** What every cache adapter must do, run against each one. */
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

    it('deletes several keys at once', async () => {
      await cache.set('contract:a', 1, { ttlSeconds: 60 });
      await cache.set('contract:b', 2, { ttlSeconds: 60 });
      await cache.delete('contract:a', 'contract:b', 'contract:never-set');
      expect(await cache.get('contract:a')).toBeNull();
      expect(await cache.get('contract:b')).toBeNull();
      await expect(cache.delete()).resolves.toBeUndefined();
    });

    it('forgets a value once its time is up', async () => {
      await cache.set('contract:short', 'soon gone', { ttlSeconds: 1 });
      expect(await cache.get('contract:short')).toBe('soon gone');
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await cache.get('contract:short')).toBeNull();
    });
  });
}
