import { describe, expect, it } from 'vitest';
import { retryHref, unavailableResponse } from './unavailable-response.ts';

describe('the 503 page', () => {
  it('links back to the same path on this shop, never to another host', () => {
    expect(retryHref('/products/fell-vest')).toBe('/products/fell-vest');
    for (const path of ['//evil.example/x', '///evil.example', '/\\/evil.example', '/%2F/evil']) {
      const href = retryHref(path);
      expect(href, path).toMatch(/^\/(?!\/)/);
      expect(new URL(href, 'https://shop.example').origin, path).toBe('https://shop.example');
    }
    expect(retryHref('/products/"><script>alert(1)</script>')).toBe(
      '/products/scriptalert1/script',
    );
    expect(retryHref('')).toBe('/');
  });

  it('says so in a page, with a link that stays on the shop', async () => {
    const response = unavailableResponse(
      new Request('https://shop.example//evil.example/products', {
        headers: { accept: 'text/html' },
      }),
      'req-1',
    );
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('<a href="/evil.example/products">Try again</a>');
    expect(html).not.toContain('href="//');
  });
});
