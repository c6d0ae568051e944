import { generateSessionToken, type PasswordHasher } from '@edgecart/auth';
import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { createMemoryFailureDelay, createMemoryRateLimiter } from '@edgecart/cache';
import { type Database, eq, outbox, passwordResets, users } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureDelayRules, type RateLimiters } from '../rate-limits.ts';
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
    'login:account': createMemoryFailureDelay({
      ...failureDelayRules['login:account'],
      freeFailures: attempts,
    }),
    'sign-up:ip': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'sign-up:account': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'reset:ip': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'reset:account': createMemoryRateLimiter({ attempts, windowSeconds: 3600 }),
    'password:ip': createMemoryRateLimiter({ attempts: attempts * 2, windowSeconds: 900 }),
    'password:account': createMemoryRateLimiter({ attempts, windowSeconds: 900 }),
    'checkout:ip': createMemoryRateLimiter({ attempts, windowSeconds: 900 }),
    'discount-code:ip': createMemoryRateLimiter({ attempts, windowSeconds: 900 }),
    'api:ip': createMemoryRateLimiter({ attempts: 1_000, windowSeconds: 60 }),
    'error-report:ip': createMemoryRateLimiter({ attempts, windowSeconds: 600 }),
    'admin:user': createMemoryRateLimiter({ attempts: 1_000, windowSeconds: 60 }),
  });

  /** The per-account delay alone: the per-IP limit (real time) out of the way. */
  const delayOnly = (freeFailures: number): RateLimiters => ({
    ...limiters(freeFailures),
    'login:ip': createMemoryRateLimiter({ attempts: 1_000, windowSeconds: 900 }),
  });

  it('make failed log-ins to one account wait, from any IP, without locking it', async () => {
    const rateLimiters = limiters(3);
    const email = unique();
    const now = new Date('2026-11-24T12:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      const attempt = await createBrowser(db, argon2, {
        rateLimiters,
        now: () => now,
        clientIp: `198.51.100.${i}`,
      }).call('account.logIn', { email, password: 'wrong guess' });
      expect(attempt.status).toBe(400);
    }
    // A fresh address buys no extra guess: it waits its turn with the others.
    const over = await createBrowser(db, argon2, {
      rateLimiters,
      now: () => now,
      clientIp: '198.51.100.9',
    }).call('account.logIn', { email: email.toUpperCase(), password: 'wrong guess' });
    expect(over.status).toBe(429);
    expect(over.retryAfter).toBe('1');
    expect(over.body.error?.json?.message).toBe('Too many attempts. Wait a second and try again.');
  });

  it('delay an attacker exponentially, while the owner logs in from elsewhere and the delay ends', async () => {
    const rateLimiters = delayOnly(10);
    const email = await signedUp(createBrowser(db, argon2));
    let clock = new Date('2026-11-24T12:00:00.000Z').getTime();
    const now = () => new Date(clock);
    const attacker = createBrowser(db, argon2, { rateLimiters, now, clientIp: '203.0.113.66' });
    const guess = () => attacker.call('account.logIn', { email, password: 'wrong guess' });
    for (let i = 0; i < 10; i++) expect((await guess()).status).toBe(400);
    // Past 10 failures, each guess waits twice as long as the one before.
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      const early = await guess();
      expect(early.status).toBe(429);
      waits.push(Number(early.retryAfter));
      clock += Number(early.retryAfter) * 1000;
      expect((await guess()).status).toBe(400);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
    const capped = await guess();
    expect(capped.status).toBe(429);
    expect(capped.body.error?.json?.message).toMatch(/Wait 15 minutes/);

    // The owner, from another address, is not locked out; the success ends the delay.
    const owner = createBrowser(db, argon2, { rateLimiters, now, clientIp: '192.0.2.44' });
    expect((await owner.call('account.logIn', { email, password: PASSWORD })).status).toBe(200);
    expect((await guess()).status).toBe(400);
  });

  it('let the right password in from the same client once its wait is over', async () => {
    const rateLimiters = delayOnly(2);
    const email = await signedUp(createBrowser(db, argon2));
    let clock = new Date('2026-11-24T12:00:00.000Z').getTime();
    const browser = createBrowser(db, argon2, { rateLimiters, now: () => new Date(clock) });
    for (let i = 0; i < 2; i++) {
      expect((await browser.call('account.logIn', { email, password: 'typo' })).status).toBe(400);
    }
    const waiting = await browser.call('account.logIn', { email, password: PASSWORD });
    expect(waiting.status).toBe(429);
    clock += Number(waiting.retryAfter) * 1000;
    expect((await browser.call('account.logIn', { email, password: PASSWORD })).status).toBe(200);
    // A success forgets the failures.
    expect((await browser.call('account.logIn', { email, password: 'typo' })).status).toBe(400);
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

  it('answer a reset with a made-up link without hashing the password, and limit it per IP', async () => {
    let hashes = 0;
    const counting = (hasher: PasswordHasher): PasswordHasher => ({
      ...hasher,
      hash: (password) => {
        hashes += 1;
        return hasher.hash(password);
      },
    });
    const rateLimiters = limiters(3);
    const browser = createBrowser(db, argon2, {
      rateLimiters,
      clientIp: '192.0.2.77',
      hasher: counting,
    });
    const replies = [];
    for (let i = 0; i < 4; i++) {
      replies.push(
        await browser.call('account.resetPassword', {
          token: generateSessionToken().token,
          password: 'a brand new passphrase',
        }),
      );
    }
    expect(replies.map((reply) => reply.status)).toEqual([400, 400, 400, 429]);
    expect(replies[0]?.body.error?.json?.message).toMatch(/expired or was already used/);
    expect(replies[0]?.body.error?.json?.data?.field).toBe('token');
    expect(replies[3]?.retryAfter).not.toBeNull();
    expect(hashes).toBe(0);
  });

  it('limit password changes and account deletion per account and per IP', async () => {
    const rateLimiters = limiters(2);
    const signedIn = async (clientIp: string) => {
      const plain = createBrowser(db, argon2);
      await signedUp(plain);
      const browser = createBrowser(db, argon2, { rateLimiters, clientIp });
      browser.setCookieValue(plain.cookie());
      return browser;
    };
    const change = (browser: Browser) =>
      browser.call('account.changePassword', {
        currentPassword: 'not my password',
        newPassword: 'another long passphrase',
      });
    const ann = await signedIn('198.51.100.70');
    expect((await change(ann)).status).toBe(400);
    expect((await change(ann)).status).toBe(400);
    const over = await change(ann);
    expect(over.status).toBe(429);
    expect(over.retryAfter).not.toBeNull();
    // Deleting checks the password too: the same count.
    expect((await ann.call('account.delete', { password: PASSWORD })).status).toBe(429);
    // Four from this IP: another account from it waits; from elsewhere, it does not.
    expect((await change(await signedIn('198.51.100.70'))).status).toBe(429);
    expect((await change(await signedIn('198.51.100.71'))).status).toBe(400);
  });

  it('limit sign-ups and reset requests per address, from any IP, known or not', async () => {
    const rateLimiters = limiters(2);
    const from = (i: number) =>
      createBrowser(db, argon2, { rateLimiters, clientIp: `203.0.113.${100 + i}` });
    const known = await signedUp(createBrowser(db, argon2));
    for (const email of [known, unique()]) {
      const signUps = [];
      const resets = [];
      for (let i = 0; i < 3; i++) {
        signUps.push((await from(i).call('account.signUp', { email, password: PASSWORD })).status);
        resets.push((await from(i).call('account.requestPasswordReset', { email })).status);
      }
      expect(signUps).toEqual([200, 200, 429]);
      expect(resets).toEqual([200, 200, 429]);
    }
  });
});

describe('a reset request', () => {
  it('answers alike for a known and an unknown address, making the link after the response', async () => {
    const known = await signedUp(createBrowser(db, argon2));
    const unknown = unique();
    const deferred: (() => Promise<void>)[] = [];
    let queued = 0;
    const browser = createBrowser(db, argon2, {
      afterResponse: (task) => deferred.push(task),
      emailQueued: () => queued++,
    });
    const resetMail = async (to: string) =>
      (await db.select().from(outbox).where(eq(outbox.to, to))).filter(
        (mail) => mail.kind === 'password-reset',
      );
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, known));
    const links = () =>
      db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.userId, user?.id ?? ''));

    const replies = [];
    for (const email of [known, unknown]) {
      const reply = await browser.call('account.requestPasswordReset', { email });
      replies.push({
        status: reply.status,
        body: JSON.stringify(reply.body).replace(email, '<email>'),
        setCookie: reply.setCookie,
      });
    }
    expect(replies[0]).toEqual(replies[1]);
    expect(replies[0]?.status).toBe(200);
    // Before either reply, nothing was written: no link, no email, no delivery.
    expect(deferred).toHaveLength(2);
    expect(await links()).toEqual([]);
    expect(await resetMail(known)).toEqual([]);
    expect(queued).toBe(0);

    // After the responses: the known address gets its link, the unknown nothing.
    for (const task of deferred) await task();
    expect(await links()).toHaveLength(1);
    expect(await resetMail(known)).toHaveLength(1);
    expect(await resetMail(unknown)).toEqual([]);
    expect(queued).toBe(2);
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
