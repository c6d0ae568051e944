/**
 * A request's route as the app names it (`/products/[slug]`), never its raw
 * path: metrics group by it, and a path can carry ids, tokens and whatever a
 * client invents, which would make every request a series of its own.
 * route-pattern.test.ts keeps ROUTES equal to the app's page and route files.
 */

import type { RouteGroup } from '@edgecart/core/metrics-layout';

/** Every page and route handler under src/app, with route groups `(…)` left out. */
export const ROUTES = [
  '/',
  '/account',
  '/account-data',
  '/account/orders/[id]',
  '/admin',
  '/admin/metrics',
  '/admin/orders',
  '/admin/orders/[id]',
  '/admin/orders/[id]/packing-slip',
  '/admin/photos',
  '/admin/products',
  '/admin/products/[id]',
  '/admin/products/export.csv',
  '/admin/products/import',
  '/admin/products/import/[id]',
  '/admin/products/import/check',
  '/admin/products/new',
  '/admin/promotions',
  '/admin/promotions/[id]',
  '/admin/promotions/new',
  '/admin/settings',
  '/admin/shipping',
  '/api/errors',
  '/api/health',
  '/api/health/deep',
  '/api/internal/housekeeping',
  '/api/internal/outbox',
  '/api/internal/sweep',
  '/api/trpc/[trpc]',
  '/api/webhooks/stripe',
  '/cart',
  '/checkout/success',
  '/collections',
  '/collections/[slug]',
  '/dev/outbox',
  '/forgot-password',
  '/login',
  '/logout',
  '/media/[...key]',
  '/orders/[id]',
  '/products',
  '/products/[slug]',
  '/reset-password',
  '/sign-up',
  '/sign-up/confirm',
] as const;

/** Files Next serves beside the routes: metadata routes and the build's assets. */
const EXTRA = [
  '/robots.txt',
  '/sitemap.xml',
  '/icon.svg',
  '/_next/static/[...path]',
  '/_next/image',
];

const UNMATCHED = '(unmatched)';

function groupOf(pattern: string): RouteGroup {
  if (pattern === UNMATCHED) return 'other';
  if (pattern.startsWith('/_next/')) return 'assets';
  if (pattern.startsWith('/admin')) return 'admin';
  if (pattern.startsWith('/api/internal/')) return 'internal';
  if (pattern.startsWith('/api/webhooks/')) return 'webhooks';
  if (pattern.startsWith('/api/')) return 'api';
  if (pattern.startsWith('/checkout/') || pattern === '/orders/[id]') return 'checkout';
  if (
    /^\/(account|login|logout|sign-up|forgot-password|reset-password|account-data)(\/|$)/.test(
      pattern,
    )
  ) {
    return 'account';
  }
  if (pattern === '/dev/outbox') return 'other';
  return 'storefront';
}

const compiled = [...ROUTES, ...EXTRA]
  .map((pattern) => {
    const segments = pattern.split('/').slice(1);
    const source = segments
      .map((s) =>
        s.startsWith('[...') ? '.+' : s.startsWith('[') ? '[^/]+' : s.replace(/\./g, '\\.'),
      )
      .join('/');
    // Static segments win over dynamic ones, as in Next's router.
    const dynamic = segments.filter((s) => s.startsWith('[')).length;
    const catchAll = segments.some((s) => s.startsWith('[...'));
    return {
      pattern,
      regex: new RegExp(`^/${source}/?$`),
      rank: (catchAll ? 100 : 0) + dynamic * 10 - segments.length,
    };
  })
  .sort((a, b) => a.rank - b.rank);

export interface MatchedRoute {
  pattern: string;
  group: RouteGroup;
}

/** The route a path belongs to; a path no route serves is `(unmatched)`, never itself. */
export function matchRoute(pathname: string): MatchedRoute {
  const path = pathname === '' ? '/' : pathname;
  const found = compiled.find((route) => route.regex.test(path));
  const pattern = found?.pattern ?? UNMATCHED;
  return { pattern, group: groupOf(pattern) };
}
