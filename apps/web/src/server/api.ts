import 'server-only';
import { createCaller, createContext } from '@edgecart/api';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { accountsFor, addressedOrigin } from './accounts.ts';
import { getCatalogCache } from './cache.ts';
import { getDb } from './db.ts';
import { deliverEmailsAfterResponse, devOutboxEnabled } from './email.ts';
import { getPayments } from './payments.ts';
import { clientIpOf, getRateLimiters } from './rate-limiters.ts';
import { requestIdFrom } from './request-id.ts';

/** The tRPC caller for React Server Components: one per request. */
export const getApi = cache(async () => {
  const requestHeaders = new Headers(await headers());
  const cookieStore = await cookies();
  const scheme = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const db = await getDb();
  const requestId = requestIdFrom(requestHeaders);
  return createCaller(
    createContext({
      db,
      headers: requestHeaders,
      requestId,
      devTools: devOutboxEnabled(),
      emailQueued: () => deliverEmailsAfterResponse(db, requestId),
      readCookie: (name) => cookieStore.get(name)?.value,
      payments: getPayments(),
      catalogCache: getCatalogCache(),
      clientIp: clientIpOf(requestHeaders),
      rateLimiters: getRateLimiters(),
      // Cookies can be set from Server Actions and Route Handlers, not while a page renders.
      accounts: accountsFor(
        addressedOrigin(requestHeaders, `${scheme}://localhost/`),
        ({ name, value, attributes }) => cookieStore.set(name, value, attributes),
      ),
    }),
  );
});
