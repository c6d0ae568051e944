import 'server-only';
import { createCaller } from '@edgecart/api';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { apiContext } from '../services/api-context.ts';

/** The caller for this request, its cookies read and written through Next's store. */
async function callerFor(fromClient: boolean) {
  const requestHeaders = new Headers(await headers());
  const cookieStore = await cookies();
  const scheme = requestHeaders.get('x-forwarded-proto') ?? 'http';
  return createCaller(
    await apiContext({
      headers: requestHeaders,
      url: `${scheme}://localhost/`,
      fromClient,
      readCookie: (name) => cookieStore.get(name)?.value,
      // Cookies can be set from Server Actions and Route Handlers, not while a page renders.
      setCookie: ({ name, value, attributes }) => cookieStore.set(name, value, attributes),
    }),
  );
}

/** The tRPC caller for a page's render: one per request; its calls are the shop's own. */
export const getApi = cache(() => callerFor(false));

/**
 * The tRPC caller for a Server Action or a form's POST: a client's request,
 * so every call counts against the per-IP ceiling exactly as it would over
 * `/api/trpc`.
 */
export const getActionApi = cache(() => callerFor(true));
