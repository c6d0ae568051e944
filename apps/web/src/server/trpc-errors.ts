import { TRPCError } from '@trpc/server';

/** A caller error that means "there is no such thing": unknown, or not even a valid name. */
export function isNotFound(error: unknown): boolean {
  return error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');
}
