import 'server-only';
import { type Context, createContext } from '@edgecart/api';
import type { SessionCookie } from '@edgecart/auth';
import { currentRequestId } from '../http/request-id.ts';
import { accountsFor, addressedOrigin, shopOrigin } from './accounts.ts';
import { runAfterResponse } from './after-response.ts';
import { getCatalogCache } from './cache.ts';
import { getDb } from './db.ts';
import { deliverEmailsAfterResponse, devOutboxEnabled } from './email.ts';
import { getPayments } from './payments.ts';
import { clientIpOf, getRateLimiters } from './rate-limiters.ts';

/** What every entry knows of its request. */
export interface EntryRequest {
  headers: Headers;
  /** The URL as the entry received it: its scheme, with the Host header, is the addressed origin. */
  url: string;
}

/**
 * The services one request uses, built in one place for every entry: the
 * tRPC route, the React Server Component caller, Server Actions, the
 * webhook and the internal routes. A new dependency is wired here, once.
 */
export async function requestServices(request: EntryRequest) {
  const db = await getDb();
  const requestId = currentRequestId(request.headers);
  return {
    db,
    requestId,
    now: () => new Date(),
    /** The shop's origin for links: the configured one once deployed. */
    origin: shopOrigin(addressedOrigin(request.headers, request.url)),
    clientIp: clientIpOf(request.headers),
    rateLimiters: getRateLimiters(),
    payments: getPayments(),
    catalogCache: getCatalogCache(),
    devTools: devOutboxEnabled(),
    /** Delivers the outbox once the response is sent. */
    emailQueued: () => deliverEmailsAfterResponse(db, requestId),
    /** Runs work once the response is sent (a reset link: the reply must not show it). */
    afterResponse: (task: () => Promise<void>) => runAfterResponse(task, requestId),
  };
}

export type RequestServices = Awaited<ReturnType<typeof requestServices>>;

/** How an entry that serves tRPC procedures answers its request. */
export interface ApiEntry extends EntryRequest {
  /**
   * Whether a client made these calls (the tRPC route, a Server Action, a
   * form's POST): each counts against the per-IP ceiling. A page's render
   * does not.
   */
  fromClient: boolean;
  /** Writes a cookie on the response (its name, value and attributes, and as a header). */
  setCookie: (cookie: SessionCookie, header: string) => void;
  /** Reads a cookie as it stands now, where one set earlier in the request must be seen. */
  readCookie?: (name: string) => string | undefined;
  /** Sets a header on the response (Retry-After); a page render has none to set. */
  setHeader?: (name: string, value: string) => void;
}

/** The tRPC context for one request, from the same services as every other entry. */
export async function apiContext(entry: ApiEntry): Promise<Context> {
  const { origin, ...services } = await requestServices(entry);
  return createContext({
    ...services,
    headers: entry.headers,
    accounts: accountsFor(origin, entry.setCookie),
    fromClient: entry.fromClient,
    readCookie: entry.readCookie ?? null,
    setHeader: entry.setHeader ?? (() => {}),
  });
}
