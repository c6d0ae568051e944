import { describe, expect, it } from 'vitest';
import { cacheTimeoutFrom } from './cache-timeout.ts';
import { cacheEnvShape } from './env.ts';

describe('CACHE_TIMEOUT_MS', () => {
  it('is read alike by the app’s schema and by the Worker’s entry', () => {
    const values = ['10', '250', '1e3', ' 300 ', '10000', '', '9', '10001', '1.5', 'soon', '-5'];
    for (const value of values) {
      const parsed = cacheEnvShape.CACHE_TIMEOUT_MS.safeParse(value);
      expect(cacheTimeoutFrom(value), JSON.stringify(value)).toBe(
        parsed.success ? parsed.data : undefined,
      );
    }
    expect(values.map(cacheTimeoutFrom).filter((ms) => ms !== undefined)).toEqual([
      10, 250, 1000, 300, 10_000,
    ]);
    expect(cacheTimeoutFrom(undefined)).toBeUndefined();
  });
});
