import { appRouter, createContext } from '@edgecart/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getDb } from '~/server/db';
import { logError } from '~/server/log-error';
import { requestIdFrom } from '~/server/request-id';

async function handler(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () =>
      createContext({ db: await getDb(), headers: request.headers, requestId }),
    onError({ error, path }) {
      if (getHTTPStatusCodeFromError(error) >= 500) {
        logError({ requestId, path: path ?? null, trpcCode: error.code }, error.cause ?? error);
      }
    },
  });
  response.headers.set('x-request-id', requestId);
  return response;
}

export { handler as GET, handler as POST };
