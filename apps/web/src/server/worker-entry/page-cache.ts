/**
 * Whole catalog pages, cached by the Worker's entry in Upstash Redis under
 * the same tags as the data they show (`pageTags` in core): a price or stock
 * change that invalidates a product's data invalidates its page with it.
 *
 * Only what is the same for everyone is cached: GETs of catalog paths, from
 * visitors with neither a session nor a cart cookie (a header with a cart
 * count or an account link is someone's own), not React Server Component
 * requests (client navigations), and only 200 HTML answers that set no
 * cookie. Entries are keyed by the build, since a page names the build's
 * scripts. The response's own Cache-Control (`private, no-store` from Next)
 * is kept: browsers and CDNs store nothing; the Worker answers from Redis.
 *
 * **Bounded.** Nobody can make the cache hold more pages than the catalog
 * has views (`pageCacheKey`): a page is keyed on its canonical query, read
 * the way the page reads it, and only views with a handful of values are
 * stored (sort and stock filter; not a search, a price range or a variant,
 * each value of which would be a page of its own: those are rendered from the
 * cached catalog data). A request naming a parameter the page does not read
 * (a campaign id, `?x=…`) is answered from its canonical page when that is
 * cached, and never stored. A 404 is never stored, so unknown slugs leave no
 * key behind.
 */
// Subpaths, not the packages' indexes: this runs in the Worker's entry, outside the app's
// bundle, and must not pull password lists or rate limiters into it.
import { cartCookieName, sessionCookieName } from '@edgecart/auth/cookie';
import type { Cache } from '@edgecart/cache';
import {
  cacheTimeoutFrom,
  createReadThrough,
  type ReadThrough,
} from '@edgecart/cache/read-through';
import { createUpstashCache } from '@edgecart/cache/upstash';
import { catalogCacheNamespace, pageTags } from '@edgecart/core/cache-tags';
// Link-preview bots get their metadata in a blocking <head>, browsers get it streamed: two
// renders of one URL, kept apart.
import { HTML_LIMITED_BOT_UA_RE } from 'next/dist/shared/lib/router/utils/html-bots';
import {
  parseProductQuery,
  productQueryHref,
  productQueryParams,
  searchParamsOf,
} from '../../lib/product-query.ts';
import { requestStateOf } from './request-state.ts';
import { withHeaders } from './response-headers.ts';

/**
 * Invalidation is immediate; this caps a missed one. A page may be rendered
 * from a catalog entry near the end of its 30 s: the two together stay
 * within the documented 60 s.
 */
export const PAGE_TTL_SECONDS = 30;

const PERSONAL_COOKIES = new Set(
  [true, false].flatMap((secure) => [sessionCookieName(secure), cartCookieName(secure)]),
);

/** Headers of one response, never replayed to another visitor. */
const NOT_REPLAYED = new Set([
  'set-cookie',
  'date',
  'x-request-id',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
]);

interface StoredPage {
  storable: boolean;
  status: number;
  headers: [string, string][];
  body: string;
}

export interface PageCacheEnv {
  /** `x-page-cache` tells only a local Worker (`development`) what the cache did. */
  DEPLOY_ENV?: string;
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
  CATALOG_CACHE?: string;
  CACHE_PREFIX?: string;
  /** Each cache call's deadline in milliseconds (`CACHE_TIMEOUT_MS`, .env.example). */
  CACHE_TIMEOUT_MS?: string;
}

/** Campaign and click ids: no page reads them, and each value would be a page of its own. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|ref)$/i;

type Handler<Env, Ctx> = (request: Request, env: Env, ctx: Ctx) => Promise<Response>;

function cookieNames(header: string | null): string[] {
  if (!header) return [];
  return header.split(';').map((part) => part.split('=')[0]?.trim() ?? '');
}

const NOTHING: ReadonlySet<string> = new Set();
const LISTING = new Set<string>(productQueryParams);
/** A collection's page takes its collection from the path, not from `?collection=`. */
const COLLECTION = new Set<string>(productQueryParams.filter((name) => name !== 'collection'));

/**
 * What a catalog page shows for this query, as the page itself reads it
 * (`parseProductQuery` for the listings), and the parameter names it reads.
 * Null when that view is not cached: a search, a price range or a collection
 * filter on a listing, a variant picked on a product page.
 */
function canonicalView(
  pathname: string,
  search: URLSearchParams,
): { href: string; reads: ReadonlySet<string> } | null {
  if (pathname === '/' || pathname === '/collections') return { href: pathname, reads: NOTHING };
  if (pathname.startsWith('/products/')) {
    // Its options (?size=M) depend on the product: any parameter but a campaign id may pick one.
    for (const name of search.keys()) if (!TRACKING_PARAMS.test(name)) return null;
    return { href: pathname, reads: NOTHING };
  }
  const listing = pathname === '/products';
  const query = parseProductQuery(searchParamsOf(search));
  if (!listing) query.collection = undefined;
  if (query.q || query.collection || query.min !== undefined || query.max !== undefined) {
    return null;
  }
  return { href: productQueryHref(pathname, query), reads: listing ? LISTING : COLLECTION };
}

export interface PageCacheSpec {
  /** The canonical view: every request that shows the same page has the same key. */
  key: string;
  tags: string[];
  /**
   * Whether this request's render may be stored: only when it names no
   * parameter but those the page reads. The others are answered from the
   * canonical entry when there is one, and rendered without storing otherwise.
   */
  store: boolean;
}

/** The page's key and tags, or null when this request must not be answered from the cache. */
export function pageCacheKey(request: Request): PageCacheSpec | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const headers = request.headers;
  // A client navigation asks for the RSC payload of the same URL: another answer.
  for (const name of ['rsc', 'next-action', 'next-router-prefetch', 'next-router-state-tree']) {
    if (headers.has(name)) return null;
  }
  if (url.searchParams.has('_rsc')) return null;
  if (cookieNames(headers.get('cookie')).some((name) => PERSONAL_COOKIES.has(name))) return null;
  const tags = pageTags(url.pathname);
  if (!tags) return null;
  const view = canonicalView(url.pathname, url.searchParams);
  if (!view) return null;
  const [path, query = ''] = view.href.split('?');
  const store = [...url.searchParams.keys()].every((name) => view.reads.has(name));
  const audience = HTML_LIMITED_BOT_UA_RE.test(headers.get('user-agent') ?? '') ? 'bot' : 'browser';
  return { key: `${audience}:${path}?${query}`, tags, store };
}

const NOT_STORED: StoredPage = { storable: false, status: 0, headers: [], body: '' };

async function snapshot(response: Response): Promise<StoredPage> {
  // Not a 404: every unknown slug would leave a page behind.
  const storable =
    response.status === 200 &&
    !response.headers.has('set-cookie') &&
    (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (!storable) return NOT_STORED;
  const headers = [...response.headers].filter(([name]) => !NOT_REPLAYED.has(name));
  return { storable, status: response.status, headers, body: await response.clone().text() };
}

type CacheState = 'hit' | 'miss' | 'bypass';

/**
 * `x-page-cache` for the Worker tests and a local look, never from a deployed
 * Worker: it would tell anyone which views others asked for in the last 30 s.
 */
function marked(response: Response, state: CacheState, env: PageCacheEnv, ctx: unknown): Response {
  const request = requestStateOf(typeof ctx === 'object' && ctx !== null ? ctx : undefined);
  if (request) request.pageCache = state;
  if (env.DEPLOY_ENV !== 'development') return response;
  return withHeaders(response, { 'x-page-cache': state });
}

export interface PageCacheOptions<Env> {
  /** Where pages are kept: Upstash from the Worker's variables by default. */
  cacheOf?: (env: Env) => Cache | null;
}

function upstashOf(env: PageCacheEnv): Cache | null {
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  return url && token ? createUpstashCache({ url, token }) : null;
}

/**
 * Wraps the Worker's handler. `buildId` keys the entries; without Upstash
 * settings (or with CATALOG_CACHE=off) every request passes straight through.
 */
export function withPageCache<Env extends PageCacheEnv, Ctx>(
  serve: Handler<Env, Ctx>,
  buildId: string,
  options: PageCacheOptions<Env> = {},
): Handler<Env, Ctx> {
  const cacheOf = options.cacheOf ?? upstashOf;
  let pages: ReadThrough | null | undefined;
  const pagesFor = (env: Env) => {
    if (pages !== undefined) return pages;
    const cache = env.CATALOG_CACHE === 'off' ? null : cacheOf(env);
    pages = cache
      ? createReadThrough({
          cache,
          namespace: `${env.CACHE_PREFIX || 'edgecart'}:pages:${buildId}`,
          tagNamespace: catalogCacheNamespace(env.CACHE_PREFIX || undefined),
          // A page is tens of kilobytes: 64 stay well inside an isolate's 128 MB.
          localEntries: 64,
          // The cache's own rule for the value (env.ts refuses a bad one at start-up).
          timeoutMs: cacheTimeoutFrom(env.CACHE_TIMEOUT_MS),
        })
      : null;
    return pages;
  };

  return async (request, env, ctx) => {
    const spec = pageCacheKey(request);
    const cache = spec ? pagesFor(env) : null;
    if (!spec || !cache) return marked(await serve(request, env, ctx), 'bypass', env, ctx);
    let own: Response | undefined;
    const page = await cache.read<StoredPage>({
      key: spec.key,
      tags: spec.tags,
      ttlSeconds: PAGE_TTL_SECONDS,
      load: async () => {
        own = await serve(request, env, ctx);
        return spec.store ? snapshot(own) : NOT_STORED;
      },
      storable: (stored) => stored.storable,
    });
    if (own) return marked(own, 'miss', env, ctx);
    return marked(
      new Response(page.body, { status: page.status, headers: page.headers }),
      'hit',
      env,
      ctx,
    );
  };
}
