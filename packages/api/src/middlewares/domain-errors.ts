import { type DomainErrorKind, toDomainError } from '@edgecart/core';
import { TRPCError } from '@trpc/server';

const codes = {
  not_found: 'NOT_FOUND',
  invalid_input: 'BAD_REQUEST',
  conflict: 'CONFLICT',
  // A concurrent change won: the request conflicted with it, and may simply be sent again.
  retryable: 'CONFLICT',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<DomainErrorKind, TRPCError['code']>;

/**
 * The error to answer with when a procedure failed. What the procedure threw
 * (tRPC wraps it as an INTERNAL_SERVER_ERROR) becomes, through core's
 * `toDomainError`, the matching tRPC code when it is a domain error or a
 * database failure the domain knows; anything else stays a 500. Errors with
 * another code (bad input tRPC found, a TRPCError thrown on purpose) pass.
 */
export function toClientError(error: TRPCError): TRPCError {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  const domain = toDomainError(error.cause);
  if (!domain) return error;
  return new TRPCError({ code: codes[domain.kind], message: domain.message, cause: domain });
}
