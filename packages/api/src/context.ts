import {
  cartCookieName,
  type PasswordHasher,
  readCartToken,
  readSessionToken,
  type SessionCookie,
} from '@edgecart/auth';
import type { ReadThrough } from '@edgecart/cache';
import { catalogReads, type ValidSession, validateSessionToken } from '@edgecart/core';
import type { Database } from '@edgecart/db';
import type { Payments } from '@edgecart/payments';
import type { RateLimiters } from './rate-limits.ts';

/** What account and cart procedures need from the entry that serves them (cookies, links). */
export interface AccountsInput {
  hasher: PasswordHasher;
  /** The shop's public origin, for links in emails. */
  origin: string;
  /** Whether the shop is served over https: the cookie's name and Secure flag. */
  secure: boolean;
  /** Sets or clears the session cookie on the response. */
  setCookie: (cookie: SessionCookie) => void;
}

/**
 * Plain inputs only (no Next.js objects), so that the same router serves the
 * HTTP handler, the React Server Component caller and the tests.
 */
export interface ContextInput {
  db: Database;
  headers: Headers;
  /** The request id the HTTP layer assigned, for logs and error replies. */
  requestId?: string | undefined;
  /** The clock; tests pass their own. */
  now?: () => Date;
  accounts?: AccountsInput | undefined;
  /** Development tools (the outbox page): never in a deployed Worker. */
  devTools?: boolean;
  /** The client's IP as the platform saw it (CF-Connecting-IP), never a client-sent header. */
  clientIp?: string | null;
  rateLimiters?: RateLimiters | undefined;
  /** Sets a header on the HTTP response (Retry-After); callers without one ignore it. */
  setHeader?: (name: string, value: string) => void;
  /**
   * Told when a change may have queued an email (the outbox row commits with
   * it): the entry delivers the outbox once the response is sent.
   */
  emailQueued?: () => void;
  /**
   * Reads a cookie as it stands now, for entries where a cookie set earlier in
   * the same request must be seen (a Server Action that renders the page
   * again); otherwise cookies are read from `headers`.
   */
  readCookie?: (name: string) => string | undefined;
  /** The payment provider; null where payments are not configured. */
  payments?: Payments | null;
  /** The catalog's read-through cache; without one, catalog reads go to the database. */
  catalogCache?: ReadThrough | null;
  /**
   * Whether the calls come from a client over HTTP (the tRPC route), so that
   * each counts against the per-IP ceiling; a page's own calls do not.
   */
  fromClient?: boolean;
}

export function createContext(input: ContextInput) {
  const now = input.now ?? (() => new Date());
  const secure = input.accounts?.secure ?? false;
  const sessionToken = readSessionToken(input.headers, secure);
  let auth: Promise<ValidSession | null> | undefined;
  return {
    db: input.db,
    headers: input.headers,
    requestId: input.requestId ?? null,
    now,
    accounts: input.accounts ?? null,
    devTools: input.devTools ?? false,
    clientIp: input.clientIp ?? 'unknown',
    rateLimiters: input.rateLimiters ?? null,
    setHeader: input.setHeader ?? (() => {}),
    emailQueued: input.emailQueued ?? (() => {}),
    payments: input.payments ?? null,
    catalogCache: input.catalogCache ?? null,
    /** Catalog reads, through the cache when there is one. */
    catalog: catalogReads(input.db, input.catalogCache ?? null),
    fromClient: input.fromClient ?? false,
    sessionToken,
    /** The guest cart's token from its cookie; a signed-in user's cart goes by the user. */
    cartToken: (): string | null =>
      input.readCookie
        ? input.readCookie(cartCookieName(secure)) || null
        : readCartToken(input.headers, secure),
    /**
     * The session and user the request's cookie stands for, resolved on first
     * use and then reused for the rest of the request.
     */
    auth: (): Promise<ValidSession | null> => {
      auth ??= sessionToken
        ? validateSessionToken(input.db, sessionToken, now())
        : Promise.resolve(null);
      return auth;
    },
  };
}

export type Context = ReturnType<typeof createContext>;
