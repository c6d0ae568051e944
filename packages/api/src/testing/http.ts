import type { Database } from '@edgecart/db';
import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../root.ts';
import { testContext } from './test-context.ts';

export interface HttpReply {
  status: number;
  body: string;
  requestId: string;
  /** What the handler's onError saw, as the HTTP route would log it. */
  errors: unknown[];
}

/** `value` as the `input` query parameter of a superjson tRPC GET: `{"json": value}`. */
export function superjsonInput(value: unknown): string {
  return `input=${encodeQuery(JSON.stringify({ json: value }))}`;
}

/** encodeURIComponent, except that it never throws: lone surrogates become U+FFFD. */
export function encodeQuery(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    const bytes = new TextEncoder().encode(text);
    return Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

let requests = 0;

/**
 * Sends real `Request` objects through tRPC's fetch adapter, as the HTTP route
 * does: `get('catalog.products', superjsonInput({ q: 'wool' }))`.
 */
export function createHttpClient(db: Database, router: AnyTRPCRouter = appRouter) {
  return async function get(path: string, search = '', method = 'GET'): Promise<HttpReply> {
    requests += 1;
    const requestId = `test-${requests}`;
    const errors: unknown[] = [];
    const req = new Request(`http://shop.test/api/trpc/${path}?${search}`, { method });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router,
      createContext: () => testContext(db, { headers: req.headers, requestId }),
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    return { status: response.status, body: await response.text(), requestId, errors };
  };
}

export type HttpGet = ReturnType<typeof createHttpClient>;
