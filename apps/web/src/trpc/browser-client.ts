import type { AppRouter } from '@edgecart/api';
import { createTRPCClient, httpBatchLink, loggerLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';

/**
 * The browser's tRPC client over `/api/trpc`, typed from the router itself:
 * what a procedure takes and answers reaches the page unchanged. Loaded on
 * demand (lazy-client.ts), never in a page's first load.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    // Faults only (5xx, no answer): a refusal (4xx) is the page's to show, and a request
    // the page cancelled (a newer change) is nobody's fault; neither is a console error.
    loggerLink({
      enabled: (op) =>
        op.direction === 'down' &&
        op.result instanceof TRPCClientError &&
        op.result.cause?.name !== 'AbortError' &&
        (op.result.data?.httpStatus ?? 500) >= 500,
    }),
    httpBatchLink({ url: '/api/trpc', transformer: superjson }),
  ],
});
