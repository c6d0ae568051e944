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
    return response.text();
  };
  const sitemap = await get('/sitemap.xml');
  const product = /<loc>[^<]*?(\/products\/[a-z0-9-]+)<\/loc>/.exec(sitemap)?.[1] ?? '/products';
  for (const path of [
    '/',
    '/products',
    product,
    '/collections',
    '/collections/outerwear',
    '/products/no-such-product',
    '/robots.txt',
  ]) {
    await get(path);
  }
  // The tRPC endpoint compiles on its first call, too.
  await get(`/api/trpc/catalog.collections?input=${encodeURIComponent('{"json":null}')}`);
}
