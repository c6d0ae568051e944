import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';

/** A caller error that means "there is no such thing": unknown, or not even a valid name. */
export function isNotFound(error: unknown): boolean {
  return error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');
}

/** The value, or the not-found page when the caller says there is no such thing. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}
