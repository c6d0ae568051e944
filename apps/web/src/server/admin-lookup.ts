import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One admin record for a page: its id checked before any query, and the
 * procedure's NOT_FOUND turned into the 404 page.
 */
export async function findOr404<T>(id: string, find: (id: string) => Promise<T>): Promise<T> {
  if (!uuid.test(id)) notFound();
  try {
    return await find(id);
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
