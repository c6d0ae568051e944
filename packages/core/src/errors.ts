/** Errors the domain raises on purpose; the API layer maps each kind to a status. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'invalid_input' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}
