/** An API error in Stripe's shape: `{ error: { type, message, param, code } }` with its status. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A 400 `invalid_request_error`, the answer to a parameter Stripe would refuse. */
export const invalidParam = (message: string, param?: string, code?: string) =>
  new StripeError(400, 'invalid_request_error', message, param, code);
