/**
 * The layout of Edgecart's data points in Workers Analytics Engine: one
 * dataset, a row per request and a row per business event, told apart by
 * blob1. The dashboard's and the alerts' queries name columns through
 * COLUMNS only, so the layout is written down once. No imports beyond this
 * folder: the Worker's entry bundles it.
 */
import type { BusinessEvent, BusinessEventDetail } from './business-events.ts';

/** How the dashboard groups routes (the web app maps each route to one). */
export const ROUTE_GROUPS = [
  'storefront',
  'account',
  'checkout',
  'admin',
  'api',
  'webhooks',
  'internal',
  'assets',
  'other',
] as const;

export type RouteGroup = (typeof ROUTE_GROUPS)[number];

/** What `writeDataPoint` takes (the binding's AnalyticsEngineDataPoint). */
export interface DataPoint {
  indexes?: string[];
  blobs?: string[];
  doubles?: number[];
}

/** The binding, or the stand-in's HTTP equivalent: fire and forget. */
export interface AnalyticsDataset {
  writeDataPoint(point: DataPoint): void;
}

export const COLUMNS = {
  kind: 'blob1',
  // Requests
  route: 'blob2',
  group: 'blob3',
  method: 'blob4',
  pageCache: 'blob5',
  colo: 'blob6',
  status: 'double1',
  durationMs: 'double2',
  // Business events
  event: 'blob2',
  currency: 'blob3',
  reason: 'blob4',
  amount: 'double2',
} as const;

export type PageCacheState = 'hit' | 'miss' | 'bypass' | 'none';

export interface RequestMeasure {
  route: string;
  group: RouteGroup;
  method: string;
  status: number;
  durationMs: number;
  pageCache: PageCacheState;
  /** Cloudflare's data centre (`request.cf.colo`); `local` off Cloudflare. */
  colo: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Blob positions follow COLUMNS; the index (AE's sampling key) is the route group. */
export function requestDataPoint(m: RequestMeasure): DataPoint {
  return {
    indexes: [m.group],
    blobs: [
      'request',
      m.route,
      m.group,
      METHODS.has(m.method) ? m.method : 'OTHER',
      m.pageCache,
      m.colo.slice(0, 8),
    ],
    doubles: [m.status, Math.max(0, Math.round(m.durationMs))],
  };
}

export function eventDataPoint(event: BusinessEvent, detail: BusinessEventDetail = {}): DataPoint {
  return {
    indexes: [event],
    blobs: [
      'event',
      event,
      (detail.currency ?? '').slice(0, 3).toUpperCase(),
      (detail.reason ?? '').slice(0, 64),
    ],
    doubles: [1, detail.amount ?? 0],
  };
}
