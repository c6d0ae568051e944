import { createArgon2idHasher, generateSessionToken, type PasswordHasher } from '@edgecart/auth';
import { type Database, eq, orders, outbox, pendingSignUps, sessions, users } from '@edgecart/db';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { createOrPromoteAdmin } from './admin.ts';
import { changePassword } from './change-password.ts';
import { logIn } from './log-in.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { deleteAccount, exportAccountData } from './privacy.ts';
import { createSession, validateSessionToken } from './sessions.ts';
import { confirmSignUp, requestSignUp } from './sign-up.ts';

const origin = 'https://shop.example';
const start = new Date('2026-11-24T12:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const PASSWORD = 'lantern quietly orbit';

async function failure(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

/** Sign-up and log-in on every database driver; the argon2 instance comes from the test. */
export function describeAccountsContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void>; argon2: Argon2 }>,
) {
  describe(`sign-up and log-in on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let hasher: PasswordHasher;
    let weakHasher: PasswordHasher;
    const deps = (now = start) => ({ db, hasher, origin, now });
    const unique = () => `ann-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const mailTo = async (to: string) =>
      db.select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.createdAt);
    const linkToken = (body: string) => {
      const token = /token=([^\s]+)/.exec(body)?.[1];
      if (!token) throw new Error(`no link in ${body}`);
      return decodeURIComponent(token);
    };
    async function signUp(email: string) {
      await requestSignUp(deps(), { email, password: PASSWORD });
      const [mail] = await mailTo(email.trim().toLowerCase());
      return confirmSignUp({ db, now: minutes(5) }, linkToken(mail?.body ?? ''));
    }

    beforeAll(async () => {
      const opened = await open();
      ({ db, close } = opened);
      hasher = createArgon2idHasher(opened.argon2);
      weakHasher = createArgon2idHasher(opened.argon2, {
        memoryCost: 4_096,
        timeCost: 1,
        parallelism: 1,
      });
    });
    afterAll(async () => {
      await close?.();
    });

    it('sends a new address a link that creates the account and logs in, once', async () => {
      const email = unique();
      await requestSignUp(deps(), { email: `  ${email.toUpperCase()} `, password: PASSWORD });
      expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
      const [mail] = await mailTo(email);
      expect(mail).toMatchObject({ kind: 'sign-up-confirm', subject: expect.any(String) });
      expect(mail?.body).toContain(`${origin}/sign-up/confirm?token=`);
      const token = linkToken(mail?.body ?? '');

      const confirmed = await confirmSignUp({ db, now: minutes(59) }, token);
      const session = await validateSessionToken(db, confirmed.token, minutes(60));
      expect(session?.user).toMatchObject({ email, role: 'customer' });
      expect(await db.select().from(pendingSignUps).where(eq(pendingSignUps.email, email))).toEqual(
        [],
      );
      const again = await failure(confirmSignUp({ db, now: minutes(59) }, token));
      expect(again.message).toMatch(/expired or was already used/);
    });

    it('answers a known address the same, mailing it that it has an account', async () => {
      const email = unique();
      await signUp(email);
      await expect(
        requestSignUp(deps(), { email, password: 'another fine passphrase' }),
      ).resolves.toBeUndefined();
      const mails = await mailTo(email);
      expect(mails.map((m) => m.kind)).toEqual(['sign-up-confirm', 'sign-up-account-exists']);
      expect(await db.select().from(pendingSignUps).where(eq(pendingSignUps.email, email))).toEqual(
        [],
      );
    });

    it('refuses a link after an hour, and a forged one, creating nothing', async () => {
      const email = unique();
      await requestSignUp(deps(), { email, password: PASSWORD });
      const token = linkToken((await mailTo(email))[0]?.body ?? '');
      const [id, secret = ''] = token.split('.');
      const forged = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
      await failure(confirmSignUp({ db, now: minutes(5) }, forged));
      await failure(confirmSignUp({ db, now: minutes(5) }, 'not-a-token'));
      await failure(confirmSignUp({ db, now: minutes(61) }, token));
      expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    });

    it('says what is wrong with a bad address or password, next to the field, writing nothing', async () => {
      const email = unique();
      const weak = await failure(requestSignUp(deps(), { email, password: 'password1' }));
      expect(weak.field).toBe('password');
      const short = await failure(requestSignUp(deps(), { email, password: 'short' }));
      expect(short.message).toMatch(/at least 8/);
      const address = await failure(requestSignUp(deps(), { email: 'ann', password: PASSWORD }));
      expect(address.field).toBe('email');
      expect(await mailTo(email)).toEqual([]);
    });

    it('logs in with the right password only, with one message for every refusal', async () => {
      const email = unique();
      await signUp(email);
      const session = await logIn(
        { db, hasher, now: minutes(10) },
        {
          email: ` ${email.toUpperCase()}`,
          password: PASSWORD,
        },
      );
      expect((await validateSessionToken(db, session.token, minutes(11)))?.user.email).toBe(email);
      const wrong = await failure(
        logIn({ db, hasher, now: minutes(10) }, { email, password: `${PASSWORD}!` }),
      );
      // An unknown address costs one hash too, so timing does not tell it apart.
      let dummies = 0;
      const counting: PasswordHasher = {
        ...hasher,
        verifyDummy: async (password) => {
          dummies++;
          await hasher.verifyDummy(password);
        },
      };
      const unknown = await failure(
        logIn({ db, hasher: counting, now: minutes(10) }, { email: unique(), password: PASSWORD }),
      );
      expect(unknown.message).toBe(wrong.message);
      expect(dummies).toBe(1);
    });

    it('upgrades a hash made with weaker parameters at the next good log-in', async () => {
      const email = unique();
      await db.insert(users).values({ email, passwordHash: await weakHasher.hash(PASSWORD) });
      await logIn({ db, hasher, now: minutes(1) }, { email, password: PASSWORD });
      const [user] = await db.select().from(users).where(eq(users.email, email));
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });
    it('resets a password by a one-hour, single-use link that logs out everywhere', async () => {
      const email = unique();
      const { userId } = await signUp(email);
      const elsewhere = await createSession(db, userId, minutes(6));
      await requestPasswordReset({ db, origin, now: minutes(10) }, { email: email.toUpperCase() });
      const mail = (await mailTo(email)).find((m) => m.kind === 'password-reset');
      expect(mail?.body).toContain(`${origin}/reset-password?token=`);
      const token = linkToken(mail?.body ?? '');

      const weak = await failure(
        resetPassword({ db, hasher, now: minutes(11) }, { token, password: 'qwerty123' }),
      );
      expect(weak.field).toBe('password');
      const fresh = await resetPassword(
        { db, hasher, now: minutes(12) },
        { token, password: 'a brand new passphrase' },
      );
      expect(await validateSessionToken(db, elsewhere.token, minutes(13))).toBeNull();
      expect(await validateSessionToken(db, fresh.token, minutes(13))).not.toBeNull();
      await failure(logIn({ db, hasher, now: minutes(14) }, { email, password: PASSWORD }));
      await logIn({ db, hasher, now: minutes(14) }, { email, password: 'a brand new passphrase' });
      const reused = await failure(
        resetPassword(
          { db, hasher, now: minutes(15) },
          { token, password: 'yet another passphrase' },
        ),
      );
      expect(reused.message).toMatch(/expired or was already used/);

      await requestPasswordReset({ db, origin, now: minutes(20) }, { email });
      const later = (await mailTo(email)).filter((m) => m.kind === 'password-reset').at(-1);
      await failure(
        resetPassword(
          { db, hasher, now: minutes(81) },
          { token: linkToken(later?.body ?? ''), password: 'too late passphrase' },
        ),
      );
    });

    it('refuses a made-up, forged or expired reset link without hashing the password', async () => {
      const email = unique();
      await signUp(email);
      await requestPasswordReset({ db, origin, now: minutes(10) }, { email });
      const mail = (await mailTo(email)).find((m) => m.kind === 'password-reset');
      const token = linkToken(mail?.body ?? '');
      const [id, secret = ''] = token.split('.');
      const forged = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
      let hashes = 0;
      const counting: PasswordHasher = {
        ...hasher,
        hash: (password) => {
          hashes += 1;
          return hasher.hash(password);
        },
      };
      const reset = (token: string, now: Date) =>
        resetPassword({ db, hasher: counting, now }, { token, password: 'a brand new passphrase' });
      for (const made of [generateSessionToken().token, forged]) {
        const refused = await failure(reset(made, minutes(11)));
        expect(refused.message).toMatch(/expired or was already used/);
        expect(refused.field).toBe('token');
      }
      const late = await failure(reset(token, minutes(71)));
      expect(late.message).toMatch(/expired or was already used/);
      expect(hashes).toBe(0);
      // The late try used the link up: it works no more, even within the hour.
      await failure(reset(token, minutes(12)));
      expect(hashes).toBe(0);
    });

    it('mails nothing for an unknown address, and answers the same', async () => {
      const email = unique();
      await expect(
        requestPasswordReset({ db, origin, now: minutes(1) }, { email }),
      ).resolves.toBeUndefined();
      expect(await mailTo(email)).toEqual([]);
    });

    it('changes a password after checking the current one, ending every other session', async () => {
      const email = unique();
      const first = await signUp(email);
      const other = await createSession(db, first.userId, minutes(6));
      const sessionId = first.token.split('.')[0] ?? '';
      const wrong = await failure(
        changePassword(
          { db, hasher, now: minutes(7) },
          {
            userId: first.userId,
            sessionId,
            currentPassword: 'nope',
            newPassword: 'a new passphrase',
          },
        ),
      );
      expect(wrong.field).toBe('currentPassword');
      await changePassword(
        { db, hasher, now: minutes(8) },
        {
          userId: first.userId,
          sessionId,
          currentPassword: PASSWORD,
          newPassword: 'a new passphrase',
        },
      );
      expect(await validateSessionToken(db, first.token, minutes(9))).not.toBeNull();
      expect(await validateSessionToken(db, other.token, minutes(9))).toBeNull();
      await logIn({ db, hasher, now: minutes(10) }, { email, password: 'a new passphrase' });
    });
    it('creates an admin, or promotes an account keeping its password', async () => {
      const fresh = unique();
      const created = await createOrPromoteAdmin(
        { db, hasher, now: start },
        { email: fresh, password: PASSWORD },
      );
      expect(created.created).toBe(true);
      const session = await logIn(
        { db, hasher, now: minutes(1) },
        { email: fresh, password: PASSWORD },
      );
      expect((await validateSessionToken(db, session.token, minutes(2)))?.user.role).toBe('admin');

      const customer = unique();
      await signUp(customer);
      const promoted = await createOrPromoteAdmin(
        { db, hasher, now: minutes(7) },
        { email: customer, password: 'ignored for an existing account' },
      );
      expect(promoted.created).toBe(false);
      const again = await logIn(
        { db, hasher, now: minutes(8) },
        { email: customer, password: PASSWORD },
      );
      expect((await validateSessionToken(db, again.token, minutes(9)))?.user.role).toBe('admin');
    });
    it('exports what it holds about a person, and deletes it all with the password', async () => {
      const email = unique();
      const { userId } = await signUp(email);
      const [order] = await db
        .insert(orders)
        .values({ userId, email, currency: 'USD', subtotal: 4200, total: 4200, expiresAt: start })
        .returning({ id: orders.id });
      const data = await exportAccountData(db, userId);
      expect(data.orders).toMatchObject([{ status: 'pending', total: 4200, email }]);
      expect(data.account).toMatchObject({ email, role: 'customer' });
      expect(data.sessions).toHaveLength(1);
      expect(data.emails.map((m) => m.subject)).toEqual(['Finish signing up to Edgecart']);
      expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash/);

      const wrong = await failure(deleteAccount({ db, hasher }, { userId, password: 'not mine' }));
      expect(wrong.field).toBe('password');
      await deleteAccount({ db, hasher }, { userId, password: PASSWORD });
      expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
      expect(await db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
      expect(await mailTo(email)).toEqual([]);
      // The order stays, with no trace of the person.
      const [kept] = await db
        .select()
        .from(orders)
        .where(eq(orders.id, order?.id ?? ''));
      expect(kept).toMatchObject({ userId: null, email: null, total: 4200 });
      await failure(logIn({ db, hasher, now: minutes(20) }, { email, password: PASSWORD }));
    });
  });
}
