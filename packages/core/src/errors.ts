export type DomainErrorKind =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  /** A concurrent change got in the way (serialization failure, deadlock): try again. */
  | 'retryable'
  /** The database (or another dependency) cannot be reached right now. */
  | 'unavailable';

/**
 * Errors the domain raises on purpose; the API layer maps each kind to a
 * status. Their messages go to clients as they are: a person can act on them,
 * and they never carry internals (the original error is the `cause`, for logs).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('not_found', message, options);
  }
}

export class InvalidInputError extends DomainError {
  /** The input field the message is about, to show it next to that field. */
  readonly field: string | undefined;
  constructor(message: string, options?: { cause?: unknown; field?: string }) {
    super('invalid_input', message, options);
    this.field = options?.field;
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('conflict', message, options);
  }
}

export class RetryableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('retryable', message, options);
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
  }
}
