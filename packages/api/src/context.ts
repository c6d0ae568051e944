import {
  cartCookieName,
  type PasswordHasher,
  readCartToken,
  readSessionToken,
  type SessionCookie,
} from '@edgecart/auth';
import type { ReadThrough } from '@edgecart/cache';
import {
  type AnalyticsReader,
  type BusinessMetrics,
  catalogReads,
  clientAddressKey,
  type MediaBucket,
  type ValidSession,
  validateSessionToken,
} from '@edgecart/core';
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
 * HTTP handler, the React Server Component caller and the tests. Every field
 * is required: an entry says what it has (`null` for payments that are not
 * set up), and nothing falls back to "no limits" or "no cookies" by omission.
 * The app builds it in one place (`apps/web/src/server/services`); tests with
 * `testContext()`.
 */
export interface ContextInput {
  db: Database;
  headers: Headers;
  /** The request id the HTTP layer assigned, for logs and error replies. */
  requestId: string;
  now: () => Date;
  accounts: AccountsInput;
  /** Development tools (the outbox page): never in a deployed Worker. */
  devTools: boolean;
  /**
   * The client's IP as the platform saw it (CF-Connecting-IP), never a
   * client-sent header. The context keeps its key (`clientAddressKey`: an IPv6
   * address by its /64), so that every per-IP limit counts a /64 as one client.
   */
  clientIp: string;
  rateLimiters: RateLimiters;
  /** Sets a header on the HTTP response (Retry-After); a page render ignores it. */
  setHeader: (name: string, value: string) => void;
  /**
   * Told when a change may have queued an email (the outbox row commits with
   * it): the entry delivers the outbox once the response is sent.
   */
  emailQueued: () => void;
  /**
   * Runs `task` once the response has been sent (Next's `after`, a Worker's
   * `waitUntil`): work whose presence or length must not show in the reply,
   * such as a reset link for an address that may have no account. A failure
   * is logged, never answered.
   */
  afterResponse: (task: () => Promise<void>) => void;
  /**
   * Reads a cookie as it stands now, for entries where a cookie set earlier in
   * the same request must be seen (a Server Action that renders the page
   * again); null: cookies are read from `headers`.
   */
  readCookie: ((name: string) => string | undefined) | null;
  /** The payment provider; null where payments are not configured. */
  payments: Payments | null;
  /** The catalog's read-through cache; null: catalog reads go to the database. */
  catalogCache: ReadThrough | null;
  /**
   * The media bucket (R2's `MEDIA` binding), opened on first use; null where
   * none is bound, and photo uploads answer that they are unavailable.
   */
  media: (() => Promise<MediaBucket>) | null;
  /** Hosts a catalog import may fetch images from (IMPORT_IMAGE_HOSTS). */
  importImageHosts: string[];
  /** Business events (the checkout funnel, failures), recorded beside the request metrics. */
  metrics: BusinessMetrics;
  /**
   * Where the metrics dashboard reads from (Analytics Engine's SQL API, or its
   * local stand-in) and the dataset; null where the API is not set up.
   */
  analytics: { reader: AnalyticsReader; dataset: string } | null;
  /**
   * Whether the calls come from a client (the tRPC route, a Server Action),
   * so that each counts against the per-IP ceiling; a page's own render does not.
   */
  fromClient: boolean;
}

export function createContext(input: ContextInput) {
  const { now, accounts } = input;
  const sessionToken = readSessionToken(input.headers, accounts.secure);
  let auth: Promise<ValidSession | null> | undefined;
  return {
    db: input.db,
    headers: input.headers,
    requestId: input.requestId,
    now,
    accounts,
    devTools: input.devTools,
    /** What per-client limits count by: an IPv4 address, an IPv6 /64. */
    clientIp: clientAddressKey(input.clientIp),
    rateLimiters: input.rateLimiters,
    setHeader: input.setHeader,
    emailQueued: input.emailQueued,
    afterResponse: input.afterResponse,
    payments: input.payments,
    catalogCache: input.catalogCache,
    media: input.media,
    importImageHosts: input.importImageHosts,
    metrics: input.metrics,
    analytics: input.analytics,
    /** Catalog reads, through the cache when there is one. */
    catalog: catalogReads(input.db, input.catalogCache),
    fromClient: input.fromClient,
    sessionToken,
    /** The guest cart's token from its cookie; a signed-in user's cart goes by the user. */
    cartToken: (): string | null =>
      input.readCookie
        ? input.readCookie(cartCookieName(accounts.secure)) || null
        : readCartToken(input.headers, accounts.secure),
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
