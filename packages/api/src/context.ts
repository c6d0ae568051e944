import type { Database } from '@edgecart/db';

/**
 * Plain inputs only (no Next.js objects), so that the same router serves the
 * HTTP handler, the React Server Component caller and the tests.
 */
export interface ContextInput {
  db: Database;
  headers: Headers;
  /** The request id the HTTP layer assigned, for logs and error replies. */
  requestId?: string | undefined;
}

export function createContext(input: ContextInput) {
  return { db: input.db, headers: input.headers, requestId: input.requestId ?? null };
}

export type Context = ReturnType<typeof createContext>;
