import {
  createArgon2idHasher,
  type PasswordHasher,
  type SessionCookie,
  serializeCookie,
} from '@edgecart/auth';
import type { ReadThrough } from '@edgecart/cache';
import type { BusinessMetrics, MediaBucket } from '@edgecart/core';
import { createSession } from '@edgecart/core';
import { type Database, users } from '@edgecart/db';
import type { Payments } from '@edgecart/payments';
import type Argon2 from '@phi-ag/argon2';
import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RateLimiters } from '../rate-limits.ts';
import { appRouter } from '../root.ts';
import { testContext } from './test-context.ts';

export interface Reply {
  status: number;
  body: {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message: string; data?: { field?: string | null } } };
  };
  /** The session's Set-Cookie, if any. */
  setCookie: string | null;
  /** Every Set-Cookie, in order. */
  setCookies: string[];
  retryAfter: string | null;
}

export interface Browser {
  /** A tRPC call over HTTP, with this browser's cookie: mutations POST, queries GET. */
  call(path: string, input?: unknown, method?: 'GET' | 'POST'): Promise<Reply>;
  /** The session cookie's value now held, or null. */
  cookie: () => string | null;
  setCookieValue: (value: string | null) => void;
  /** Any cookie held by name (`cart`), or null. */
  cookieNamed: (name: string) => string | null;
}

/** A browser with a cookie jar, talking to the router through tRPC's fetch adapter. */
export function createBrowser(
  db: Database,
  argon2: Argon2,
  options: {
    now?: () => Date;
    router?: AnyTRPCRouter;
    rateLimiters?: RateLimiters;
    clientIp?: string;
    emailQueued?: () => void;
    /**
     * Takes the work a call defers until its response is sent. Unset, the
     * browser runs it once the response is built, before `call` returns, as
     * an entry would after sending it.
     */
    afterResponse?: (task: () => Promise<void>) => void;
    payments?: Payments;
    catalogCache?: ReadThrough;
    /** The media bucket photo uploads go to (wrangler's local R2). */
    media?: MediaBucket;
    /** Wraps the argon2id hasher (to count its calls). */
    hasher?: (hasher: PasswordHasher) => PasswordHasher;
    /** Count calls against the per-IP ceiling, as the HTTP route does. */
    fromClient?: boolean;
    /** Where business events go (`collectBusinessMetrics()` to assert them). */
    metrics?: BusinessMetrics;
  } = {},
): Browser {
  const argon2id = createArgon2idHasher(argon2);
  const hasher = options.hasher ? options.hasher(argon2id) : argon2id;
  const jar = new Map<string, string>();
  return {
    cookie: () => jar.get('session') ?? null,
    setCookieValue: (value) => {
      if (value === null) jar.delete('session');
      else jar.set('session', value);
    },
    cookieNamed: (name) => jar.get(name) ?? null,
    async call(path, input, method = 'POST') {
      // FormData goes as multipart/form-data (the boundary set by Request), the rest as JSON.
      const multipart = input instanceof FormData;
      const headers = new Headers(multipart ? {} : { 'content-type': 'application/json' });
      if (jar.size > 0) {
        headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      const search =
        method === 'GET'
          ? `?input=${encodeURIComponent(JSON.stringify({ json: input ?? null }))}`
          : '';
      const req = new Request(`http://shop.test/api/trpc/${path}${search}`, {
        method,
        headers,
        body:
          method !== 'POST'
            ? undefined
            : multipart
              ? input
              : JSON.stringify({ json: input ?? null }),
      });
      const set: { cookie: string | null; all: string[] } = { cookie: null, all: [] };
      const deferred: (() => Promise<void>)[] = [];
      const response = await fetchRequestHandler({
        endpoint: '/api/trpc',
        req,
        router: options.router ?? appRouter,
        createContext: ({ resHeaders }) =>
          testContext(db, {
            headers: req.headers,
            ...(options.now && { now: options.now }),
            ...(options.rateLimiters && { rateLimiters: options.rateLimiters }),
            ...(options.clientIp && { clientIp: options.clientIp }),
            setHeader: (name, value) => resHeaders.set(name, value),
            ...(options.emailQueued && { emailQueued: options.emailQueued }),
            afterResponse: options.afterResponse ?? ((task) => deferred.push(task)),
            payments: options.payments ?? null,
            catalogCache: options.catalogCache ?? null,
            media: options.media ? async () => options.media as MediaBucket : null,
            fromClient: options.fromClient ?? false,
            ...(options.metrics && { metrics: options.metrics }),
            accounts: {
              hasher,
              origin: 'http://shop.test',
              secure: false,
              setCookie: (cookie: SessionCookie) => {
                set.all.push(serializeCookie(cookie));
                if (cookie.name === 'session') set.cookie = serializeCookie(cookie);
                if (cookie.attributes.maxAge > 0) jar.set(cookie.name, cookie.value);
                else jar.delete(cookie.name);
              },
            },
          }),
      });
      for (const task of deferred) await task();
      return {
        status: response.status,
        body: (await response.json()) as Reply['body'],
        setCookie: set.cookie,
        setCookies: set.all,
        retryAfter: response.headers.get('retry-after'),
      };
    },
  };
}

/** A browser signed in as a new user with this role (a visitor has no session). */
export async function browserAs(
  db: Database,
  argon2: Argon2,
  role: 'visitor' | 'customer' | 'admin',
  options: Parameters<typeof createBrowser>[2] = {},
): Promise<Browser> {
  const browser = createBrowser(db, argon2, options);
  if (role === 'visitor') return browser;
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${crypto.randomUUID()}@example.com`, passwordHash: 'x', role })
    .returning({ id: users.id });
  const { token } = await createSession(db, user?.id ?? '', new Date());
  browser.setCookieValue(token);
  return browser;
}
