import 'server-only';
import { createCaller, createContext } from '@edgecart/api';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from './db.ts';

/** The tRPC caller for React Server Components: one per request. */
export const getApi = cache(async () => {
  const requestHeaders = new Headers(await headers());
  return createCaller(
    createContext({
      db: await getDb(),
      headers: requestHeaders,
      requestId: requestHeaders.get('x-request-id') ?? undefined,
    }),
  );
});
