import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';
import { toInstant } from '../instant.ts';
import { textProblem } from '../text.ts';
import { type KeyKind, type ProductSort, productSorts, sortKeys } from './sorts.ts';

export type CursorValue = string | number;

/**
 * What each kind of cursor value must be for PostgreSQL to take it as its type:
 * a 32-bit integer, text it can hold, a real instant (sent normalised to UTC,
 * so the SQL never sees a client's offset or precision), a UUID.
 */
const valueSchemas: Record<KeyKind, z.ZodType<CursorValue>> = {
  int: z.number().int().min(-2147483648).max(2147483647),
  text: z
    .string()
    .max(500)
    .refine((value) => textProblem(value) === null),
  timestamp: z
    .string()
    .max(40)
    .transform((value, ctx) => {
      const instant = toInstant(value);
      if (instant !== null) return instant;
      ctx.issues.push({ code: 'custom', message: 'not an instant', input: value });
      return z.NEVER;
    }),
  uuid: z.uuid(),
};

const payloadSchema = z.object({ s: z.enum(productSorts), v: z.array(z.unknown()).max(5) });

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('not base64url');
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
}

/** An opaque cursor: the sort it belongs to and the last row's sort-column values. */
export function encodeCursor(sort: ProductSort, values: CursorValue[]): string {
  return toBase64Url(JSON.stringify({ s: sort, v: values }));
}

/** Decodes a cursor for `sort`, or throws InvalidInputError: cursors come from clients. */
export function decodeCursor(cursor: string, sort: ProductSort): CursorValue[] {
  const invalid = (why: string) =>
    new InvalidInputError(`Invalid cursor: ${why}. Start again without a cursor.`);
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(fromBase64Url(cursor)));
  } catch {
    throw invalid('it is malformed');
  }
  if (payload.s !== sort) throw invalid(`it belongs to the "${payload.s}" sort, not "${sort}"`);
  const keys = sortKeys[sort];
  if (payload.v.length !== keys.length) throw invalid('it has the wrong number of values');
  return keys.map((key, i) => {
    const parsed = valueSchemas[key.kind].safeParse(payload.v[i]);
    if (!parsed.success) throw invalid(`value ${i + 1} is not a valid ${key.kind}`);
    return parsed.data;
  });
}
