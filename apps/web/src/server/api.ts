import 'server-only';
import { createCaller, createContext } from '@edgecart/api';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from './db.ts';
import { requestIdFrom } from './request-id.ts';

/** The tRPC caller for React Server Components: one per request. */
export const getApi = cache(async () => {
  const requestHeaders = new Headers(await headers());
  return createCaller(
    createContext({
      db: await getDb(),
      headers: requestHeaders,
      requestId: requestIdFrom(requestHeaders),
    }),
  );
});
