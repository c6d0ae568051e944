import type { MetadataRoute } from 'next';
import { env } from '~/env';
import { getApi } from '~/server/pages/api';

// The catalog lives in the database, so the sitemap is made per request.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const api = await getApi();
  const url = (path: string) => new URL(path, env.SITE_URL).href;
  const entries: MetadataRoute.Sitemap = [
    { url: url('/'), changeFrequency: 'daily', priority: 1 },
    { url: url('/products'), changeFrequency: 'daily', priority: 0.8 },
    { url: url('/collections'), changeFrequency: 'weekly', priority: 0.5 },
  ];
  for (const c of await api.catalog.collections()) {
    entries.push({ url: url(`/collections/${c.slug}`), changeFrequency: 'weekly', priority: 0.6 });
  }
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof api.catalog.products>> = await api.catalog.products({
      sort: 'newest',
      limit: 48,
      cursor,
    });
    for (const p of page.items) entries.push({ url: url(`/products/${p.slug}`), priority: 0.7 });
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
