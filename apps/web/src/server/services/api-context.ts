import 'server-only';
import { type Context, createContext } from '@edgecart/api';
import type { SessionCookie } from '@edgecart/auth';
import { env } from '~/env';
import { accountsFor } from './accounts.ts';
import { clientIpOf, getRateLimiters } from './rate-limiters.ts';
import { type EntryRequest, requestServices } from './request-services.ts';

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

/**
 * The tRPC context for one request: the same services as every other entry,
 * and what only procedures use (limits by client, cookies, password hashing).
 */
export async function apiContext(entry: ApiEntry): Promise<Context> {
  const { origin, ...services } = await requestServices(entry);
  return createContext({
    ...services,
    headers: entry.headers,
    clientIp: clientIpOf(entry.headers),
    rateLimiters: getRateLimiters(),
    accounts: accountsFor(origin, entry.setCookie),
    fromClient: entry.fromClient,
    importImageHosts: env.IMPORT_IMAGE_HOSTS,
    readCookie: entry.readCookie ?? null,
    setHeader: entry.setHeader ?? (() => {}),
  });
}
