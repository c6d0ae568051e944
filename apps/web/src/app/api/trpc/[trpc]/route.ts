import { appRouter, createContext } from '@edgecart/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '~/server/db';

async function handler(request: Request): Promise<Response> {
  const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () =>
      createContext({ db: await getDb(), headers: request.headers, requestId }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        console.error(JSON.stringify({ level: 'error', requestId, path, message: error.message }));
      }
    },
  });
  response.headers.set('x-request-id', requestId);
  return response;
}

export { handler as GET, handler as POST };
