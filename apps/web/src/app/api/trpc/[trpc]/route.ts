import { appRouter } from '@edgecart/api';
import { databaseErrorKind } from '@edgecart/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { logError } from '~/server/http/log-error';
import { currentRequestId } from '~/server/http/request-id';
import { crossSiteResponse, isCrossSite } from '~/server/http/same-origin';
import { apiContext } from '~/server/services/api-context';

async function handler(request: Request): Promise<Response> {
  const requestId = currentRequestId(request.headers);
  // Mutations are POSTs: another site must not make a visitor's browser send one.
  if (request.method !== 'GET' && isCrossSite(request)) return crossSiteResponse(requestId);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      apiContext({
        headers: request.headers,
        url: request.url,
        fromClient: true,
        setHeader: (name, value) => resHeaders.set(name, value),
        setCookie: (_cookie, header) => resHeaders.append('set-cookie', header),
      }),
    // Catalog answers are the same for everyone; anything else may be someone's own.
    responseMeta: ({ paths, type, errors }) => ({
      headers: {
        'cache-control':
          type === 'query' && errors.length === 0 && paths?.every((p) => p.startsWith('catalog.'))
            ? 'public, max-age=0, must-revalidate'
            : 'private, no-store',
      },
    }),
    onError({ error, path }) {
      const status = getHTTPStatusCodeFromError(error);
      if (status >= 500) {
        logError({ requestId, path: path ?? null, trpcCode: error.code }, error.cause ?? error);
      } else if (databaseErrorKind(error.cause) !== null) {
        // The database refused a value: the client's fault, or a query of ours to look at.
        logError(
          { level: 'warn', requestId, path: path ?? null, trpcCode: error.code },
          error.cause,
        );
      }
    },
  });
  response.headers.set('x-request-id', requestId);
  return response;
}

export { handler as GET, handler as POST };
