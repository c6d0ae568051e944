import type { MetadataRoute } from 'next';
import { env } from '~/env';

// The site's URL is a Worker variable, read per request: never baked in at build time.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/'] },
    sitemap: new URL('/sitemap.xml', env.SITE_URL).href,
  };
}
