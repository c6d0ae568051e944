import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const id = '0b7c7f44-8a3e-4a36-9d1e-2f4a8f0c1e11';

describe('product cursors', () => {
  it('round-trips the values of the sort they belong to', () => {
    const cursor = encodeCursor('newest', ['2026-01-02T03:04:05.678Z', id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'newest')).toEqual(['2026-01-02T03:04:05.678Z', id]);
  });

  it('round-trips text with characters outside ASCII', () => {
    const cursor = encodeCursor('name', ['Café crème mug', id]);
    expect(decodeCursor(cursor, 'name')).toEqual(['Café crème mug', id]);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of non-JSON', btoa('hello')],
    ['JSON of the wrong shape', btoa(JSON.stringify({ x: 1 }))],
    ['invalid UTF-8', btoa('\xff\xfe')],
  ])('rejects %s as invalid input', (_, cursor) => {
    expect(() => decodeCursor(cursor, 'featured')).toThrow(InvalidInputError);
  });

  it('rejects a cursor made for another sort', () => {
    const cursor = encodeCursor('price-asc', [1000, id]);
    expect(() => decodeCursor(cursor, 'name')).toThrow(/belongs to the "price-asc" sort/);
  });

  it('rejects values of the wrong kind or count', () => {
    expect(() => decodeCursor(encodeCursor('price-asc', ['cheap', id]), 'price-asc')).toThrow(
      /not a valid int/,
    );
    expect(() => decodeCursor(encodeCursor('price-asc', [1000, 'x']), 'price-asc')).toThrow(
      /not a valid uuid/,
    );
    expect(() => decodeCursor(encodeCursor('price-asc', [1000]), 'price-asc')).toThrow(
      /wrong number/,
    );
  });
});

describe('cursor values PostgreSQL would refuse', () => {
  const at = (time: string) => encodeCursor('newest', [time, id]);

  it('sends timestamps normalised to UTC', () => {
    expect(decodeCursor(at('2026-01-02T05:04:05.678+02:00'), 'newest')).toEqual([
      '2026-01-02T03:04:05.678Z',
      id,
    ]);
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['a +23:59 offset', '2020-01-01T00:00:00+23:59'],
    ['31 February', '2021-02-31T00:00:00Z'],
  ])('rejects a timestamp with %s', (_, time) => {
    expect(() => decodeCursor(at(time), 'newest')).toThrow(/value 1 is not a valid timestamp/);
  });

  it('rejects text with a NUL or an unpaired surrogate', () => {
    for (const title of ['a\u0000', 'a\uD800']) {
      expect(() => decodeCursor(encodeCursor('name', [title, id]), 'name')).toThrow(
        /value 1 is not a valid text/,
      );
    }
  });
});
