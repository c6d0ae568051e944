import { type DatabaseErrorKind, databaseErrorKind } from '@edgecart/db';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  RetryableError,
  UnavailableError,
} from './errors.ts';

const translations: Record<DatabaseErrorKind, (cause: unknown) => DomainError> = {
  unique_violation: (cause) =>
    new ConflictError('That already exists: something else has the same name or code.', {
      cause,
    }),
  check_violation: (cause) =>
    new ConflictError(
      'The change was refused because it breaks a rule of the shop (for example, stock cannot go below zero).',
      { cause },
    ),
  foreign_key_violation: (cause) =>
    new ConflictError('It refers to something that does not exist, or that is still in use.', {
      cause,
    }),
  serialization_failure: (cause) =>
    new RetryableError('Another change was made at the same time. Please try again.', { cause }),
  deadlock: (cause) =>
    new RetryableError('Another change was made at the same time. Please try again.', { cause }),
  invalid_input: (cause) =>
    new InvalidInputError(
      'A value in the request is out of range or holds characters that cannot be stored. Check it and try again.',
      { cause },
    ),
  unavailable: (cause) =>
    new UnavailableError(
      'The shop cannot reach its database right now. Please try again in a moment.',
      { cause },
    ),
};

/**
 * The domain error a caught error stands for: a DomainError as it is, a
 * database failure the domain knows (constraint, conflict, bad value, outage)
 * translated, with the original as its `cause`; null for anything else (a bug).
 * The one place database failures become domain errors.
 */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const kind = databaseErrorKind(error);
  return kind ? translations[kind](error) : null;
}
