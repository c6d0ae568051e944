import 'server-only';
import { currentRequestId } from '../http/request-id.ts';
import { runAfterResponse } from './after-response.ts';
import { getCatalogCache } from './cache.ts';
import { getDb } from './db.ts';
import { deliverEmailsAfterResponse, devOutboxEnabled } from './email.ts';
import { getMediaBucket } from './media.ts';
import { businessMetrics, getAnalytics } from './metrics.ts';
import { addressedOrigin, shopOrigin } from './origin.ts';
import { getPayments } from './payments.ts';

/** What every entry knows of its request. */
export interface EntryRequest {
  headers: Headers;
  /** The URL as the entry received it: its scheme, with the Host header, is the addressed origin. */
  url: string;
}

/**
 * The services one request uses, built in one place for every entry: the
 * tRPC route, the React Server Component caller and Server Actions (through
 * `apiContext`), the webhook and the internal routes. A new dependency is
 * wired here, once. It imports no router, limits or password hashing (those
 * are `apiContext`'s), so a route that serves no tRPC call bundles none.
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
    payments: getPayments(),
    catalogCache: getCatalogCache(),
    /** The media bucket (R2), opened when a procedure first needs it. */
    media: getMediaBucket,
    devTools: devOutboxEnabled(),
    /** Business events, beside the request metrics (Analytics Engine, or its stand-in). */
    metrics: businessMetrics,
    /** The metrics' SQL API, for the dashboard; null until it is set up. */
    analytics: getAnalytics(),
    /** Delivers the outbox once the response is sent. */
    emailQueued: () => deliverEmailsAfterResponse(db, requestId),
    /** Runs work once the response is sent (a reset link: the reply must not show it). */
    afterResponse: (task: () => Promise<void>) => runAfterResponse(task, requestId),
  };
}

export type RequestServices = Awaited<ReturnType<typeof requestServices>>;
