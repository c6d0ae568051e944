import { describe, expect, it } from 'vitest';
import { pageCacheKey } from './page-cache.ts';

const get = (path: string, headers: Record<string, string> = {}) =>
  pageCacheKey(new Request(`https://shop.example${path}`, { headers }));

describe('which requests the page cache may answer', () => {
  it('keys catalog pages by path and sorted query, with the tags of what they show', () => {
    expect(get('/products?sort=name&q=wool')).toEqual({
      key: 'browser:/products?q=wool&sort=name',
      tags: ['catalog', 'listings'],
    });
    expect(get('/products?q=wool&sort=name')?.key).toBe(get('/products?sort=name&q=wool')?.key);
    expect(get('/products/fell-vest?size=M')).toEqual({
      key: 'browser:/products/fell-vest?size=M',
      tags: ['catalog', 'product:fell-vest'],
    });
    expect(get('/')?.tags).toEqual(['catalog', 'listings']);
    expect(get('/collections/bags')?.tags).toEqual(['catalog', 'listings']);
  });

  it('drops campaign and click ids from the key', () => {
    expect(get('/products?utm_source=news&sort=name&fbclid=abc&gclid=x')?.key).toBe(
      'browser:/products?sort=name',
    );
  });

  it('keeps the render for link-preview bots apart from the browsers’ one', () => {
    expect(get('/products', { 'user-agent': 'Slackbot-LinkExpanding 1.0' })?.key).toBe(
      'bot:/products?',
    );
    expect(
      get('/products', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0' })?.key,
    ).toBe('browser:/products?');
  });

  it('never answers a shopper with a session or a cart, a client navigation, a form post or a non-catalog page', () => {
    for (const cookie of [
      'session=a.b',
      '__Host-session=a.b',
      'cart=a.b',
      'x=1; __Host-cart=a.b',
    ]) {
      expect(get('/products', { cookie }), cookie).toBeNull();
    }
    expect(get('/products', { cookie: 'theme=dark' })).not.toBeNull();
    expect(get('/products', { rsc: '1' })).toBeNull();
    expect(get('/products?_rsc=abc')).toBeNull();
    expect(get('/products', { 'next-router-prefetch': '1' })).toBeNull();
    expect(
      pageCacheKey(new Request('https://shop.example/products', { method: 'POST' })),
    ).toBeNull();
    expect(
      pageCacheKey(new Request('https://shop.example/products', { method: 'HEAD' })),
    ).toBeNull();
    for (const path of ['/cart', '/account', '/orders/1', '/api/health', '/products/Bad_Slug']) {
      expect(get(path), path).toBeNull();
    }
    expect(get(`/products?q=${'x'.repeat(600)}`)).toBeNull();
  });
});
