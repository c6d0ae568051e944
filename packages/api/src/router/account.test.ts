import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { createMemoryRateLimiter } from '@edgecart/cache';
import { type Database, eq, outbox, users } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiters } from '../rate-limits.ts';
import { type Browser, createBrowser } from '../testing/account-http.ts';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../trpc.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;
const PASSWORD = 'lantern quietly orbit';
const unique = () => `ann-${crypto.randomUUID().slice(0, 8)}@example.com`;

beforeAll(async () => {
  ({ db, close } = await createPgliteDb());
  argon2 = await loadArgon2();
});
afterAll(async () => {
  await close?.();
});

async function signedUp(browser: Browser, email = unique()) {
  const request = await browser.call('account.signUp', { email, password: PASSWORD });
  expect(request.status).toBe(200);
  expect(request.setCookie).toBeNull();
  const [mail] = await db.select().from(outbox).where(eq(outbox.to, email));
  const token = decodeURIComponent(/token=(\S+)/.exec(mail?.body ?? '')?.[1] ?? '');
  const confirmed = await browser.call('account.confirmSignUp', { token });
  expect(confirmed.status).toBe(200);
  return email;
}

describe('the account API over HTTP', () => {
  it('signs up through the emailed link, which logs the browser in', async () => {
    const browser = createBrowser(db, argon2);
    const email = await signedUp(browser);
    expect(browser.cookie()).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    const me = await browser.call('account.me', undefined, 'GET');
    expect(me.body.result?.data?.json).toMatchObject({ email, role: 'customer' });
  });

  it('logs out: the cookie is cleared and the session is gone server-side', async () => {
    const browser = createBrowser(db, argon2);
    await signedUp(browser);
    const token = browser.cookie();
    const out = await browser.call('account.logOut');
    expect(out.setCookie).toMatch(/^session=; Max-Age=0/);
    browser.setCookieValue(token);
    expect((await browser.call('account.me', undefined, 'GET')).body.result?.data?.json).toBeNull();
  });

  it('logs in with a fresh session, ending the one the browser brought (no fixation)', async () => {
    const browser = createBrowser(db, argon2);
    const email = await signedUp(browser);
    const before = browser.cookie();
    const wrong = await browser.call('account.logIn', { email, password: 'not it at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.json?.data?.field).toBe('password');
    const ok = await browser.call('account.logIn', { email, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(browser.cookie()).not.toBe(before);
    const stale = createBrowser(db, argon2);
    stale.setCookieValue(before);
    expect((await stale.call('account.me', undefined, 'GET')).body.result?.data?.json).toBeNull();
  });

  it('keeps account procedures from visitors, and logs out everywhere', async () => {
    const visitor = createBrowser(db, argon2);
    const denied = await visitor.call('account.changePassword', {
      currentPassword: PASSWORD,
      newPassword: 'another long passphrase',
    });
    expect(denied.status).toBe(401);

    const phone = createBrowser(db, argon2);
    const email = await signedUp(phone);
    const laptop = createBrowser(db, argon2);
    await laptop.call('account.logIn', { email, password: PASSWORD });
    const everywhere = await laptop.call('account.logOutEverywhere');
    expect(everywhere.status).toBe(200);
    expect((await phone.call('account.me', undefined, 'GET')).body.result?.data?.json).toBeNull();
  });

  it('answers a sign-up for a known address exactly as for a new one', async () => {
    const browser = createBrowser(db, argon2);
    const email = await signedUp(browser);
    const fresh = await createBrowser(db, argon2).call('account.signUp', {
      email: unique(),
      password: PASSWORD,
    });
    const known = await createBrowser(db, argon2).call('account.signUp', {
      email,
      password: PASSWORD,
    });
    expect(known.status).toBe(fresh.status);
    expect(Object.keys(known.body)).toEqual(Object.keys(fresh.body));
    expect(known.setCookie).toBeNull();
  });
});

describe('email delivery', () => {
  it('asks the entry to deliver the outbox after a sign-up or a reset request, not after a refusal', async () => {
    let queued = 0;
    const browser = createBrowser(db, argon2, { emailQueued: () => queued++ });
    const email = unique();
    await browser.call('account.signUp', { email, password: PASSWORD });
    expect(queued).toBe(1);
    await browser.call('account.requestPasswordReset', { email });
    expect(queued).toBe(2);
    const refused = await browser.call('account.signUp', { email: unique(), password: 'short' });
    expect(refused.status).toBe(400);
    expect(queued).toBe(2);
  });
});

describe('account input the database cannot hold', () => {
  it('is a 400 with a message, for every account mutation', async () => {
    const browser = createBrowser(db, argon2);
    for (const [path, input] of [
      ['account.signUp', { email: 'a\u0000@example.com', password: PASSWORD }],
      ['account.logIn', { email: 'a\u0000@example.com', password: PASSWORD }],
      ['account.requestPasswordReset', { email: '\ud800@example.com' }],
      ['account.confirmSignUp', { token: 'a\u0000.b' }],
    ] as const) {
      const reply = await browser.call(path, input);
      expect(reply.status, path).toBe(400);
      expect(reply.body.error?.json?.message, path).toMatch(/NUL|surrogate|not valid|email/i);
    }
  });
});

describe('rate limits on account procedures', () => {
  const limiters = (attempts: number): RateLimiters => ({
    'login:ip': createMemoryRateLimiter({ attempts: attempts * 2, windowSeconds: 900 }),
    'login:account': createMemoryRateLimiter({ attempts, windowSeconds: 900 }),
    'sign-up:ip': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'reset:ip': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'checkout:ip': createMemoryRateLimiter({ attempts, windowSeconds: 900 }),
    'api:ip': createMemoryRateLimiter({ attempts: 1_000, windowSeconds: 60 }),
    'admin:user': createMemoryRateLimiter({ attempts: 1_000, windowSeconds: 60 }),
  });

  it('answer repeated failed log-ins to one account with 429 and Retry-After, from any IP', async () => {
    const rateLimiters = limiters(3);
    const email = unique();
    for (let i = 0; i < 3; i++) {
      const attempt = await createBrowser(db, argon2, {
        rateLimiters,
        clientIp: `198.51.100.${i}`,
      }).call('account.logIn', { email, password: 'wrong guess' });
      expect(attempt.status).toBe(400);
    }
    const over = await createBrowser(db, argon2, { rateLimiters, clientIp: '198.51.100.9' }).call(
      'account.logIn',
      { email: email.toUpperCase(), password: 'wrong guess' },
    );
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(800);
    expect(over.body.error?.json?.message).toMatch(/Too many attempts\. Wait 15 minutes/);
  });

  it('limit log-ins per IP across accounts, and sign-ups and resets per IP', async () => {
    const rateLimiters = limiters(2);
    const browser = createBrowser(db, argon2, { rateLimiters, clientIp: '192.0.2.1' });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await browser.call('account.logIn', { email: unique(), password: 'x' })).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const signUps = [];
    for (let i = 0; i < 3; i++) {
      signUps.push(
        (await browser.call('account.signUp', { email: unique(), password: PASSWORD })).status,
      );
    }
    expect(signUps).toEqual([200, 200, 429]);
    const resets = [];
    for (let i = 0; i < 3; i++) {
      resets.push((await browser.call('account.requestPasswordReset', { email: unique() })).status);
    }
    expect(resets).toEqual([200, 200, 429]);
    // Another IP is counted apart.
    const other = createBrowser(db, argon2, { rateLimiters, clientIp: '192.0.2.2' });
    expect((await other.call('account.requestPasswordReset', { email: unique() })).status).toBe(
      200,
    );
  });
});

describe('privacy', () => {
  it('exports the signed-in person’s data, and deletes the account, logging out', async () => {
    const browser = createBrowser(db, argon2);
    const email = await signedUp(browser);
    const exported = await browser.call('account.export', undefined, 'GET');
    expect(exported.body.result?.data?.json).toMatchObject({ account: { email } });
    const deleted = await browser.call('account.delete', { password: PASSWORD });
    expect(deleted.status).toBe(200);
    expect(deleted.setCookie).toMatch(/Max-Age=0/);
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await createBrowser(db, argon2).call('account.export', undefined, 'GET')).status).toBe(
      401,
    );
  });
});

describe('protected and admin procedures', () => {
  const router = createTRPCRouter({
    mine: protectedProcedure.query(({ ctx }) => ctx.user.email),
    admin: adminProcedure.query(() => 'the back office'),
  });

  it('refuse a visitor (401), refuse a customer the admin one (403), admit an admin', async () => {
    const visitor = createBrowser(db, argon2, { router });
    expect((await visitor.call('mine', undefined, 'GET')).status).toBe(401);
    expect((await visitor.call('admin', undefined, 'GET')).status).toBe(401);

    const customer = createBrowser(db, argon2);
    const email = await signedUp(customer);
    const asCustomer = createBrowser(db, argon2, { router });
    asCustomer.setCookieValue(customer.cookie());
    expect((await asCustomer.call('mine', undefined, 'GET')).body.result?.data?.json).toBe(email);
    expect((await asCustomer.call('admin', undefined, 'GET')).status).toBe(403);

    await db.update(users).set({ role: 'admin' }).where(eq(users.email, email));
    expect((await asCustomer.call('admin', undefined, 'GET')).status).toBe(200);
  });
});
