/**
 * Whole catalog pages, cached by the Worker's entry in Upstash Redis under
 * the same tags as the data they show (`pageTags` in core): a price or stock
 * change that invalidates a product's data invalidates its page with it.
 *
 * Only what is the same for everyone is cached: GETs of catalog paths, from
 * visitors with neither a session nor a cart cookie (a header with a cart
 * count or an account link is someone's own), not React Server Component
 * requests (client navigations), and only 200 and 404 HTML answers that set
 * no cookie. Entries are keyed by the build, since a page names the build's
 * scripts. The response's own Cache-Control (`private, no-store` from Next)
 * is kept: browsers and CDNs store nothing; the Worker answers from Redis.
 */
// Subpaths, not the packages' indexes: this runs in the Worker's entry, outside the app's
// bundle, and must not pull password lists or rate limiters into it.
import { cartCookieName, sessionCookieName } from '@edgecart/auth/cookie';
import { createReadThrough, type ReadThrough } from '@edgecart/cache/read-through';
import { createUpstashCache } from '@edgecart/cache/upstash';
import { catalogCacheNamespace, pageTags } from '@edgecart/core/cache-tags';
// Link-preview bots get their metadata in a blocking <head>, browsers get it streamed: two
// renders of one URL, kept apart.
import { HTML_LIMITED_BOT_UA_RE } from 'next/dist/shared/lib/router/utils/html-bots';

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
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
  CATALOG_CACHE?: string;
  CACHE_PREFIX?: string;
}

/** Campaign and click ids: no page reads them, and each value would be a page of its own. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|ref)$/i;

type Handler<Env, Ctx> = (request: Request, env: Env, ctx: Ctx) => Promise<Response>;

function cookieNames(header: string | null): string[] {
  if (!header) return [];
  return header.split(';').map((part) => part.split('=')[0]?.trim() ?? '');
}

/** The page's key and tags, or null when this request must not be answered from the cache. */
export function pageCacheKey(request: Request): { key: string; tags: string[] } | null {
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
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  const search = url.searchParams.toString();
  if (search.length > 512) return null;
  const audience = HTML_LIMITED_BOT_UA_RE.test(headers.get('user-agent') ?? '') ? 'bot' : 'browser';
  return { key: `${audience}:${url.pathname}?${search}`, tags };
}

async function snapshot(response: Response): Promise<StoredPage> {
  const storable =
    (response.status === 200 || response.status === 404) &&
    !response.headers.has('set-cookie') &&
    (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (!storable) return { storable, status: response.status, headers: [], body: '' };
  const headers = [...response.headers].filter(([name]) => !NOT_REPLAYED.has(name));
  return { storable, status: response.status, headers, body: await response.clone().text() };
}

function marked(response: Response, state: 'hit' | 'miss' | 'bypass'): Response {
  const out = new Response(response.body, response);
  out.headers.set('x-page-cache', state);
  return out;
}

/**
 * Wraps the Worker's handler. `buildId` keys the entries; without Upstash
 * settings (or with CATALOG_CACHE=off) every request passes straight through.
 */
export function withPageCache<Env extends PageCacheEnv, Ctx>(
  serve: Handler<Env, Ctx>,
  buildId: string,
): Handler<Env, Ctx> {
  let pages: ReadThrough | null | undefined;
  const pagesFor = (env: Env) => {
    if (pages !== undefined) return pages;
    const url = env.UPSTASH_REDIS_REST_URL;
    const token = env.UPSTASH_REDIS_REST_TOKEN;
    pages =
      url && token && env.CATALOG_CACHE !== 'off'
        ? createReadThrough({
            cache: createUpstashCache({ url, token }),
            namespace: `${env.CACHE_PREFIX || 'edgecart'}:pages:${buildId}`,
            tagNamespace: catalogCacheNamespace(env.CACHE_PREFIX || undefined),
            // A page is tens of kilobytes: 64 stay well inside an isolate's 128 MB.
            localEntries: 64,
          })
        : null;
    return pages;
  };

  return async (request, env, ctx) => {
    const spec = pageCacheKey(request);
    const cache = spec ? pagesFor(env) : null;
    if (!spec || !cache) return marked(await serve(request, env, ctx), 'bypass');
    let own: Response | undefined;
    const page = await cache.read<StoredPage>({
      key: spec.key,
      tags: spec.tags,
      ttlSeconds: PAGE_TTL_SECONDS,
      load: async () => {
        own = await serve(request, env, ctx);
        return snapshot(own);
      },
      storable: (stored) => stored.storable,
    });
    if (own) return marked(own, 'miss');
    return marked(new Response(page.body, { status: page.status, headers: page.headers }), 'hit');
  };
}
