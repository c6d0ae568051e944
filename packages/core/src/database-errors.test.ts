import { describe, expect, it } from 'vitest';
import { toDomainError } from './database-errors.ts';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.ts';

/** The shape drizzle throws: its own wrapper, the driver's error (with a SQLSTATE) as cause. */
const failedQuery = (code: string) =>
  Object.assign(new Error('Failed query: select $1\nparams: secret'), {
    cause: Object.assign(new Error('driver says no'), { code }),
  });

describe('toDomainError', () => {
  it('keeps domain errors as they are', () => {
    const error = new NotFoundError('No product is called "x".');
    expect(toDomainError(error)).toBe(error);
  });

  it.each([
    ['23505', 'conflict'],
    ['23514', 'conflict'],
    ['23503', 'conflict'],
    ['40001', 'retryable'],
    ['40P01', 'retryable'],
    ['22021', 'invalid_input'],
    ['08006', 'unavailable'],
    ['53300', 'unavailable'],
  ])('translates SQLSTATE %s to %s, keeping the original as cause', (code, kind) => {
    const error = failedQuery(code);
    const domain = toDomainError(error);
    expect(domain?.kind).toBe(kind);
    expect(domain?.cause).toBe(error);
    expect(domain?.message).not.toMatch(/select|params|secret|driver/i);
  });

  it('translates connection failures and leaves bugs alone', () => {
    expect(toDomainError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))?.kind).toBe(
      'unavailable',
    );
    expect(toDomainError(failedQuery('42P01'))).toBeNull();
    expect(toDomainError(new TypeError('x is not a function'))).toBeNull();
    expect(toDomainError(undefined)).toBeNull();
    expect(toDomainError(failedQuery('23505'))).toBeInstanceOf(ConflictError);
    expect(toDomainError(failedQuery('22008'))).toBeInstanceOf(InvalidInputError);
  });
});
