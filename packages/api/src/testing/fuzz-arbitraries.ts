import { productSorts } from '@edgecart/core';
import { seedCollections, seedProducts } from '@edgecart/db/seed';
import fc from 'fast-check';

/** One UTF-16 unit or character a client could send, with the troublesome ones often. */
const nastyUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), // lone surrogates too
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', '%', '_', '\\', "'", '"', ' ', '\n', '🧶', 'é'),
);

/** Strings with NULs, lone surrogates, quotes, LIKE wildcards, emoji; sometimes long. */
export const nastyString = fc.oneof(
  { arbitrary: fc.string({ unit: nastyUnit, maxLength: 30 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: nastyUnit, minLength: 90, maxLength: 1200 }), weight: 1 },
);

/** Numbers at and beyond every boundary the schemas and PostgreSQL care about. */
export const edgyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, 48, 49, -1, 2147483647, 2147483648, -2147483649, 1e21, 2 ** 53, 0.5),
  fc.integer({ min: 0, max: 100_000_001 }),
);

/** Anything JSON can carry, the nasty strings and numbers above included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: nastyString, weight: 2 },
  { arbitrary: edgyNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 1 },
);

/** A plausible value or anything at all: keeps the fuzz near the paths that reach SQL. */
export const plausibly = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary, weight: 3 }, { arbitrary: anyJson, weight: 1 });

export const slugLike = fc.oneof(
  fc.constantFrom(
    ...seedProducts.slice(0, 5).map((p) => p.slug),
    ...seedCollections.map((c) => c.slug),
  ),
  fc.constantFrom('wool', 'no-such-thing', 'a', 'a--b', '-a', 'A', 'café', 'a'.repeat(121)),
  fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  nastyString,
);

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

const timestampParts = fc.record({
  year: fc.integer({ min: 1, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  fraction: fc.option(fc.stringMatching(/^[0-9]{1,12}$/)),
  offset: fc.oneof(
    fc.constant('Z'),
    fc
      .tuple(
        fc.constantFrom('+', '-'),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
  ),
});

/** One field at or past its edge; what PostgreSQL refuses (year 0000, offsets past 15:59) most. */
const timestampEdge = fc.oneof(
  { arbitrary: fc.record({ year: fc.constantFrom(0, 10_000) }), weight: 3 },
  {
    arbitrary: fc.record({
      offset: fc.oneof(
        fc
          .tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 16, max: 23 }),
            fc.integer({ min: 0, max: 59 }),
          )
          .map(([sign, h, m]) => `${sign}${h}:${pad(m, 2)}`),
        fc.constantFrom('+24:00', '+01:60', '', 'z', '+0000', '+00', ' UTC'),
      ),
    }),
    weight: 3,
  },
  fc.record({ month: fc.constantFrom(0, 13) }),
  fc.record({ day: fc.integer({ min: 29, max: 32 }) }),
  fc.record({ hour: fc.constantFrom(24, 25), minute: fc.constantFrom(60, 99) }),
  fc.record({ second: fc.constantFrom(60, 61) }),
);

type TimestampParts = typeof timestampParts extends fc.Arbitrary<infer T> ? T : never;

const formatTimestamp = (t: TimestampParts) =>
  `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction === null ? '' : `.${t.fraction}`}${t.offset}`;

/** ISO-like timestamps: valid, with one field out of range, or from any Date (years past 9999). */
const edgyTimestamp = fc.oneof(
  timestampParts.map(formatTimestamp),
  {
    arbitrary: fc
      .tuple(timestampParts, timestampEdge)
      .map(([t, edge]) => formatTimestamp({ ...t, ...edge })),
    weight: 3,
  },
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Values of one kind of sort column, at its edges. */
export const edgyValueOf = (example: unknown): fc.Arbitrary<unknown> => {
  if (typeof example === 'number') return edgyNumber;
  if (typeof example !== 'string') return anyJson;
  if (/^\d{4}-\d\d-\d\dT/.test(example)) return edgyTimestamp;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(example)) {
    return fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-fA-F-]{30,40}$/), nastyString);
  }
  return nastyString;
};

/** Values for one sort column, of its kind or not. */
export const cursorValue: fc.Arbitrary<unknown> = fc.oneof(
  edgyTimestamp,
  edgyNumber,
  nastyString,
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  anyJson,
);

export function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A cursor for `sort` with the right number of values, each random. */
const cursorPayload = fc.record({
  s: plausibly(fc.constantFrom(...productSorts)),
  v: fc.oneof(
    fc.array(cursorValue, { minLength: 2, maxLength: 3 }),
    fc.array(cursorValue, { maxLength: 6 }),
    anyJson,
  ),
});

/** Cursors of every sort: re-encoded with random values, random JSON, or not base64 at all. */
export const anyCursor: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: cursorPayload.map((p) => toBase64Url(JSON.stringify(p))), weight: 5 },
  { arbitrary: anyJson.map((v) => toBase64Url(JSON.stringify(v) ?? '')), weight: 2 },
  { arbitrary: nastyString, weight: 1 },
  {
    arbitrary: fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')),
    weight: 1,
  },
  { arbitrary: anyJson, weight: 1 },
);

/** superjson's `meta` with annotations it knows, and paths that try prototype pollution. */
export const superjsonMeta = fc.record(
  {
    values: fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'q',
          'sort',
          'cursor',
          'limit',
          'slug',
          '__proto__',
          'constructor.prototype',
        ),
        fc.constantFrom('__proto__.polluted', 'q.__proto__', '', 'a.b', 'cursor.0'),
        nastyString,
      ),
      fc.oneof(
        fc.constantFrom(
          'Date',
          'bigint',
          'undefined',
          'number',
          'regexp',
          'set',
          'map',
          'Error',
          'URL',
        ),
        fc.constantFrom(
          ['class', 'Nope'],
          ['symbol', 'x'],
          ['custom', 'y'],
          ['typed-array', 'Int8Array'],
        ),
        anyJson,
      ),
      { maxKeys: 3 },
    ),
    referentialEqualities: anyJson,
    v: anyJson,
  },
  { requiredKeys: [] },
);
