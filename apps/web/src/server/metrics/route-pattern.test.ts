import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTES } from './route-pattern.ts';

/** Every page.tsx and route.ts under src/app, as the URL pattern Next serves it at. */
function appRoutes(): string[] {
  const app = fileURLToPath(new URL('../../app', import.meta.url));
  const files = readdirSync(app, { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const segments = file
        .split('/')
        .slice(0, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment));
      return `/${segments.join('/')}`;
    })
    .sort();
}

describe('route patterns', () => {
  it('name every page and route handler of the app, and nothing else', () => {
    expect([...ROUTES].sort()).toEqual(appRoutes());
  });

  it('give a path its route and group, never its ids or tokens', () => {
    expect(matchRoute('/')).toEqual({ pattern: '/', group: 'storefront' });
    expect(matchRoute('/products')).toEqual({ pattern: '/products', group: 'storefront' });
    expect(matchRoute('/products/wool-peacoat')).toEqual({
      pattern: '/products/[slug]',
      group: 'storefront',
    });
    // A static route wins over a dynamic one beside it.
    expect(matchRoute('/admin/products/new').pattern).toBe('/admin/products/new');
    expect(matchRoute('/admin/products/import/check').pattern).toBe('/admin/products/import/check');
    expect(matchRoute('/admin/products/export.csv').pattern).toBe('/admin/products/export.csv');
    expect(matchRoute('/admin/products/0b5c…').pattern).toBe('/admin/products/[id]');
    expect(matchRoute('/orders/7d1e6f0a-0000-4000-8000-000000000000')).toEqual({
      pattern: '/orders/[id]',
      group: 'checkout',
    });
    expect(matchRoute('/api/trpc/cart.add,cart.get')).toEqual({
      pattern: '/api/trpc/[trpc]',
      group: 'api',
    });
    expect(matchRoute('/api/webhooks/stripe').group).toBe('webhooks');
    expect(matchRoute('/api/internal/sweep').group).toBe('internal');
    expect(matchRoute('/login').group).toBe('account');
    expect(matchRoute('/media/photos/ab12.jpg').pattern).toBe('/media/[...key]');
    expect(matchRoute('/_next/static/chunks/app.js')).toEqual({
      pattern: '/_next/static/[...path]',
      group: 'assets',
    });
    expect(matchRoute('/wp-login.php?token=secret')).toEqual({
      pattern: '(unmatched)',
      group: 'other',
    });
    expect(matchRoute('/reset-password/../../etc').pattern).toBe('(unmatched)');
  });
});
