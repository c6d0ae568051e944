import { DomainError } from '@edgecart/core';
import { TRPCError } from '@trpc/server';

const codes = {
  not_found: 'NOT_FOUND',
  invalid_input: 'BAD_REQUEST',
  conflict: 'CONFLICT',
} as const satisfies Record<DomainError['kind'], TRPCError['code']>;

/**
 * The error to answer with when a procedure failed: the errors `core` raises
 * on purpose become the matching tRPC codes; anything else stays as it was (a 500).
 */
export function toClientError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (!(cause instanceof DomainError)) return error;
  return new TRPCError({ code: codes[cause.kind], message: cause.message, cause });
}
