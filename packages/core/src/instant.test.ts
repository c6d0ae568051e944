import { describe, expect, it } from 'vitest';
import { toInstant } from './instant.ts';

describe('toInstant', () => {
  it('normalises real instants to UTC with millisecond precision', () => {
    expect(toInstant('2026-01-02T03:04:05.678Z')).toBe('2026-01-02T03:04:05.678Z');
    expect(toInstant('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
    expect(toInstant('2026-01-02T03:04:05.123456789+02:00')).toBe('2026-01-02T01:04:05.123Z');
    expect(toInstant('2024-02-29T00:00:00-15:59')).toBe('2024-02-29T15:59:00.000Z');
    expect(toInstant('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(toInstant('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 0000 that is year 1 in UTC', '0000-12-31T23:00:00-02:00'],
    ['past 9999 once in UTC', '9999-12-31T23:59:59-15:59'],
    ['an offset beyond ±15:59', '2020-01-01T00:00:00+23:59'],
    ['an offset with 60 minutes', '2020-01-01T00:00:00+01:60'],
    ['31 February', '2021-02-31T00:00:00Z'],
    ['29 February of a common year', '2021-02-29T00:00:00Z'],
    ['month 13', '2021-13-01T00:00:00Z'],
    ['hour 24', '2021-01-01T24:00:00Z'],
    ['a leap second', '2021-12-31T23:59:60Z'],
    ['no offset', '2021-01-01T00:00:00'],
    ['no seconds', '2021-01-01T00:00Z'],
    ['a date only', '2021-01-01'],
    ['an expanded year', '+010000-01-01T00:00:00Z'],
    ['trailing text', '2021-01-01T00:00:00Z; drop table products'],
    ['a NUL', '2021-01-01T00:00:00Z\u0000'],
  ])('rejects %s', (_, value) => {
    expect(toInstant(value)).toBeNull();
  });
});
