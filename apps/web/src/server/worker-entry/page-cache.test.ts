import type { Cache } from '@edgecart/cache';
import { createMemoryCache } from '@edgecart/cache';
import { describe, expect, it, vi } from 'vitest';
import { type PageCacheEnv, pageCacheKey, withPageCache } from './page-cache.ts';

const get = (path: string, headers: Record<string, string> = {}) =>
  pageCacheKey(new Request(`https://shop.example${path}`, { headers }));

describe('which requests the page cache may answer', () => {
  it('keys a listing on its canonical view, read the way the page reads it, with the tags of what it shows', () => {
    expect(get('/products?sort=name&stock=in')).toEqual({
      key: 'browser:/products?stock=in&sort=name',
      tags: ['catalog', 'listings'],
      store: true,
    });
    for (const path of [
      '/products?stock=in&sort=name',
      // What the filter form sends: every field, the empty ones too.
      '/products?q=&collection=&min=&max=&stock=in&sort=name',
      '/products?q=+++&sort=name&stock=in&sort=newest',
    ]) {
      expect(get(path), path).toEqual(get('/products?sort=name&stock=in'));
    }
    // Defaults and values the page ignores are the plain listing.
    for (const path of ['/products', '/products?sort=featured', '/products?sort=bogus&stock=yes']) {
      expect(get(path), path).toEqual({
        key: 'browser:/products?',
        tags: ['catalog', 'listings'],
        store: true,
      });
    }
    expect(get('/products/fell-vest')).toEqual({
      key: 'browser:/products/fell-vest?',
      tags: ['catalog', 'product:fell-vest'],
      store: true,
    });
    expect(get('/')).toMatchObject({ key: 'browser:/?', tags: ['catalog', 'listings'] });
    expect(get('/collections/bags?sort=price-asc')).toMatchObject({
      key: 'browser:/collections/bags?sort=price-asc',
      tags: ['catalog', 'listings'],
      store: true,
    });
  });

  it('answers a request naming a parameter the page does not read from the canonical entry, and never stores it', () => {
    expect(get('/products?x=1')).toEqual({ ...get('/products'), store: false });
    expect(get('/?anything=at-all')).toEqual({ ...get('/'), store: false });
    expect(get('/collections?sort=name')).toEqual({ ...get('/collections'), store: false });
    // A collection's page takes its collection from the path.
    expect(get('/collections/bags?collection=tents&sort=name')).toEqual({
      ...get('/collections/bags?sort=name'),
      store: false,
    });
    // Campaign and click ids: the canonical page, but a visitor's own ids are never stored.
    expect(get('/products?utm_source=news&sort=name&fbclid=abc&gclid=x')).toEqual({
      ...get('/products?sort=name'),
      store: false,
    });
    expect(get('/products/fell-vest?utm_campaign=spring')).toEqual({
      ...get('/products/fell-vest'),
      store: false,
    });
  });

  it('never stores a view whose every value would be a page of its own', () => {
    for (const path of [
      '/products?q=wool',
      '/products?min=10',
      '/products?max=90&sort=name',
      '/products?collection=bags',
      '/collections/bags?q=wool',
      '/collections/bags?min=5',
      // A variant: the product's options decide which names the page reads.
      '/products/fell-vest?size=M',
      '/products/fell-vest?x=1',
      `/products?q=${'x'.repeat(600)}`,
    ]) {
      expect(get(path), path).toBeNull();
    }
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
  });
});

/** The memory cache, counting the keys it holds (locks are deleted once a read is done). */
function countingCache() {
  const inner = createMemoryCache();
  const keys = new Set<string>();
  const cache: Cache = {
    ...inner,
    async set(key, value, options) {
      await inner.set(key, value, options);
      keys.add(key);
    },
    async add(key, value, options) {
      const added = await inner.add(key, value, options);
      if (added) keys.add(key);
      return added;
    },
    async delete(...names) {
      await inner.delete(...names);
      for (const name of names) keys.delete(name);
    },
  };
  return { cache, keys };
}

const PRODUCTS = new Set(['fell-vest', 'trail-pack']);
const COLLECTIONS = new Set(['bags', 'outerwear']);

/** The app, as far as the cache can tell: a page for what exists, a 404 for any other slug. */
function shop() {
  const renders: string[] = [];
  const serve = async (request: Request) => {
    const { pathname } = new URL(request.url);
    renders.push(request.url);
    const slug = /^\/(products|collections)\/(.+)$/.exec(pathname);
    const found = !slug?.[2] || (slug[1] === 'products' ? PRODUCTS : COLLECTIONS).has(slug[2]);
    return new Response(`<!doctype html><p>${found ? pathname : 'Page not found'}</p>`, {
      status: found ? 200 : 404,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private' },
    });
  };
  return { serve, renders };
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)] as T;
  const word = () => Math.floor(next() * 36 ** 8).toString(36);
  return { int, pick, word };
}

const env = (deployEnv: string | undefined): PageCacheEnv => ({ DEPLOY_ENV: deployEnv });
const ctx = {};

describe('the page cache under a flood of made-up URLs', () => {
  it('holds a bounded number of keys after 2,000 requests with random parameters and slugs', async () => {
    const { cache, keys } = countingCache();
    const { serve } = shop();
    const handler = withPageCache(serve, 'build-1', { cacheOf: () => cache });
    const r = random(16);
    const sorts = ['featured', 'newest', 'price-asc', 'price-desc', 'name', r.word()];
    const stock = () => r.pick(['in', '', r.word()]);
    const requests = [
      () => `/products?${r.word()}=${r.word()}`,
      () => `/products?q=${r.word()}&sort=${r.pick(sorts)}`,
      () => `/products?min=${r.int(1_000_000)}&max=${r.int(1_000_000)}`,
      () => `/products?collection=${r.word()}`,
      () => `/products/${r.word()}-${r.word()}`,
      () => `/collections/${r.word()}?sort=${r.pick(sorts)}`,
      () => `/products/${r.pick([...PRODUCTS])}?size=${r.word()}`,
      () => `/products/${r.pick([...PRODUCTS])}?utm_source=${r.word()}`,
      () => `/?${r.word()}=${r.word()}&utm_campaign=${r.word()}`,
      () => `/products?sort=${r.pick(sorts)}&stock=${stock()}&fbclid=${r.word()}`,
      () => `/collections/${r.pick([...COLLECTIONS])}?sort=${r.pick(sorts)}&${r.word()}=1`,
      // What shoppers ask for: these may be stored.
      () => `/products?q=&collection=&min=&max=&stock=${stock()}&sort=${r.pick(sorts)}`,
      () => `/collections/${r.pick([...COLLECTIONS])}?stock=${stock()}&sort=${r.pick(sorts)}`,
      () => r.pick(['/', '/collections', ...[...PRODUCTS].map((slug) => `/products/${slug}`)]),
    ];
    for (let i = 0; i < 2_000; i++) {
      const path = (requests[i % requests.length] as () => string)();
      const response = await handler(
        new Request(`https://shop.example${path}`),
        env('development'),
        ctx,
      );
      await response.arrayBuffer();
    }
    // Every view a visitor can have stored: /, /collections, /products and each collection
    // in 5 sorts × 2 stock filters, and each product.
    const views = 2 + 10 + 10 * COLLECTIONS.size + PRODUCTS.size;
    console.info(`page cache: ${keys.size} keys after 2,000 random requests (bound ${views})`);
    expect(keys.size).toBeGreaterThan(0);
    expect(keys.size).toBeLessThanOrEqual(views);
    for (const key of keys) {
      expect(key).toMatch(
        /^edgecart:pages:build-1:entry:browser:(\/|\/collections|\/products|\/products\/(fell-vest|trail-pack)|\/collections\/(bags|outerwear))\?((stock=in&)?sort=(newest|price-asc|price-desc|name)|stock=in)?$/,
      );
    }
  });

  it('stores no page for an unknown slug, and answers it again with a 404', async () => {
    const { cache, keys } = countingCache();
    const { serve, renders } = shop();
    const handler = withPageCache(serve, 'b', { cacheOf: () => cache });
    for (let i = 0; i < 3; i++) {
      const response = await handler(
        new Request('https://shop.example/products/no-such-thing'),
        env('development'),
        ctx,
      );
      expect(response.status).toBe(404);
      expect(response.headers.get('x-page-cache')).toBe('miss');
      expect(await response.text()).toContain('Page not found');
    }
    expect(renders).toHaveLength(3);
    expect(keys.size).toBe(0);
  });

  it('answers an unread parameter from the canonical page, and renders it unstored when there is none', async () => {
    const { cache, keys } = countingCache();
    const { serve, renders } = shop();
    const handler = withPageCache(serve, 'b', { cacheOf: () => cache });
    const visit = async (path: string) => {
      const response = await handler(
        new Request(`https://shop.example${path}`),
        env('development'),
        ctx,
      );
      return { state: response.headers.get('x-page-cache'), body: await response.text() };
    };
    expect((await visit('/products?x=1')).state).toBe('miss');
    expect((await visit('/products?x=2')).state).toBe('miss');
    expect(keys.size).toBe(0);
    expect((await visit('/products')).state).toBe('miss');
    expect([...keys]).toEqual(['edgecart:pages:b:entry:browser:/products?']);
    expect(await visit('/products?x=3&utm_source=y')).toEqual({
      state: 'hit',
      body: '<!doctype html><p>/products</p>',
    });
    expect(renders).toHaveLength(3);
  });

  it('tells only a local Worker what the cache did', async () => {
    const { cache } = countingCache();
    const { serve } = shop();
    const handler = withPageCache(serve, 'b', { cacheOf: () => cache });
    const state = async (deployEnv: string | undefined, path = '/collections') =>
      (await handler(new Request(`https://shop.example${path}`), env(deployEnv), ctx)).headers.get(
        'x-page-cache',
      );
    expect(await state('development')).toBe('miss');
    expect(await state('development')).toBe('hit');
    expect(await state('development', '/cart')).toBe('bypass');
    for (const deployEnv of ['production', 'preview', undefined]) {
      expect(await state(deployEnv), String(deployEnv)).toBeNull();
      expect(await state(deployEnv, '/cart'), String(deployEnv)).toBeNull();
    }
  });
});

describe('the page cache’s deadline', () => {
  it('gives each cache call the deadline CACHE_TIMEOUT_MS sets, and the default for a bad value', async () => {
    // A cache that never answers: the page is rendered once the call's deadline passes.
    const hanging = new Proxy({} as Cache, { get: () => () => new Promise(() => {}) });
    const answeredAfter = async (timeout: string | undefined) => {
      const { serve } = shop();
      const handler = withPageCache(serve, 'b', { cacheOf: () => hanging });
      const served = handler(
        new Request('https://shop.example/products'),
        { DEPLOY_ENV: 'development', CACHE_TIMEOUT_MS: timeout },
        ctx,
      );
      let answered = false;
      void served.then(() => {
        answered = true;
      });
      let elapsed = 0;
      while (!answered && elapsed < 10_000) {
        await vi.advanceTimersByTimeAsync(10);
        elapsed += 10;
      }
      expect((await served).status).toBe(200);
      return elapsed;
    };
    vi.useFakeTimers();
    try {
      expect(await answeredAfter('600')).toBe(600);
      expect(await answeredAfter('40')).toBe(40);
      for (const bad of [undefined, '', 'soon', '5', '99999']) {
        expect(await answeredAfter(bad), String(bad)).toBe(250);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
