import type { FullConfig } from '@playwright/test';

/**
 * `next dev` compiles each route on its first request and tells open pages to
 * refresh when it does. Visit every kind of page once before the specs run, so
 * that no compile lands in the middle of a test.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) return;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, baseURL), { signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    // A page that fails to compile or render would fail whichever spec meets it first,
    // with a misleading message; say so once, here.
    if (response.status >= 500) {
      throw new Error(`${path} answered ${response.status} before any spec ran: the app is broken`);
    }
    return text;
  };
  const sitemap = await get('/sitemap.xml');
  const product = /<loc>[^<]*?(\/products\/[a-z0-9-]+)<\/loc>/.exec(sitemap)?.[1] ?? '/products';
  const routes = [
    '/',
    '/products',
    product,
    '/collections',
    '/collections/outerwear',
    '/products/no-such-product',
    '/robots.txt',
    '/login',
    '/sign-up',
    '/account',
    '/forgot-password',
    '/reset-password',
    '/sign-up/confirm',
    '/dev/outbox',
    '/account-data',
    '/cart',
    '/checkout/success',
    '/account/orders/00000000-0000-0000-0000-000000000000',
    '/orders/00000000-0000-0000-0000-000000000000?key=warm-up',
    // A visitor is sent to log in, but the route (pages, layouts, forms) compiles first.
    '/admin',
    '/admin/products',
    '/admin/products/new',
    '/admin/products/import',
    '/admin/products/import/00000000-0000-0000-0000-000000000000',
    '/admin/products/00000000-0000-0000-0000-000000000000',
    '/admin/orders',
    '/admin/orders/00000000-0000-0000-0000-000000000000',
    // An uploaded photo's route (a 404 for a key never stored), and the media bucket with it.
    `/media/photos/${'0'.repeat(64)}.jpg`,
  ];
  // The README's flows alone (`--grep @readme` on next dev, E2E_WARM_UP=readme) never
  // open these: compiling them would only cost time.
  const notInReadmeFlows = new Set([
    '/collections',
    '/collections/outerwear',
    '/products/no-such-product',
    '/robots.txt',
    '/forgot-password',
    '/reset-password',
    '/account-data',
    '/account/orders/00000000-0000-0000-0000-000000000000',
    '/admin/orders',
    '/admin/orders/00000000-0000-0000-0000-000000000000',
    '/admin/products/import',
    '/admin/products/import/00000000-0000-0000-0000-000000000000',
    '/admin/products/import/check',
  ]);
  for (const path of routes) {
    if (config.metadata.warmUp === 'readme' && notInReadmeFlows.has(path)) continue;
    await get(path);
  }
  // The tRPC endpoint compiles on its first call, too.
  await get(`/api/trpc/catalog.collections?input=${encodeURIComponent('{"json":null}')}`);
  // The dev server's one-minute timers call the internal routes: compile them now (a 404
  // without the secret), and the photo upload (a visitor is sent to log in).
  for (const path of [
    '/api/internal/sweep',
    '/api/internal/outbox',
    '/api/internal/housekeeping',
    // The editor's photo upload: a visitor is sent to log in, once it is compiled.
    '/admin/photos',
    '/admin/products/import/check',
  ]) {
    if (config.metadata.warmUp === 'readme' && notInReadmeFlows.has(path)) continue;
    await fetch(new URL(path, baseURL), {
      method: 'POST',
      signal: AbortSignal.timeout(120_000),
    }).then((response) => response.text());
  }
  // Warmed only: a degraded dependency (503) is for the health spec to report.
  await fetch(new URL('/api/health/deep', baseURL), { signal: AbortSignal.timeout(120_000) }).then(
    (response) => response.text(),
  );
}
