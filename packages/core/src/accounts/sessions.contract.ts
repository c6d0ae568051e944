import { type Database, eq, sessions, users } from '@edgecart/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  validateSessionToken,
} from './sessions.ts';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-11-24T12:00:00.000Z');
const later = (days: number) => new Date(start.getTime() + days * DAY);

/** What sessions must do on every database driver. */
export function describeSessionContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
) {
  describe(`sessions on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let userId: string;

    beforeAll(async () => {
      ({ db, close } = await open());
      const [user] = await db
        .insert(users)
        .values({ email: `shopper-${crypto.randomUUID()}@example.com`, passwordHash: 'x' })
        .returning({ id: users.id });
      if (!user) throw new Error('no user');
      userId = user.id;
    });
    afterAll(async () => {
      await close?.();
    });

    it('open with a token that validates to the user, and keep only a hash of its secret', async () => {
      const { token, expiresAt } = await createSession(db, userId, start);
      expect(expiresAt.getTime()).toBe(later(30).getTime());
      const valid = await validateSessionToken(db, token, later(1));
      expect(valid?.user).toMatchObject({ id: userId, role: 'customer' });
      expect(valid?.refreshed).toBe(false);
      const [id, secret] = token.split('.');
      const [row] = await db
        .select()
        .from(sessions)
        .where(eq(sessions.id, id ?? ''));
      expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(secret);
    });

    it('refuse a forged, tampered or unknown token', async () => {
      const { token } = await createSession(db, userId, start);
      const [id, secret = ''] = token.split('.');
      const tampered = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
      for (const forged of [tampered, `${'a'.repeat(32)}.${secret}`, 'not-a-token', '']) {
        expect(await validateSessionToken(db, forged, later(1)), forged).toBeNull();
      }
    });

    it('slide forward when less than half the life is left, and only then', async () => {
      const { token } = await createSession(db, userId, start);
      const early = await validateSessionToken(db, token, later(10));
      expect(early?.refreshed).toBe(false);
      const renewed = await validateSessionToken(db, token, later(20));
      expect(renewed?.refreshed).toBe(true);
      expect(renewed?.session.expiresAt.getTime()).toBe(later(50).getTime());
      // Valid past the first expiry, thanks to the refresh.
      expect(await validateSessionToken(db, token, later(40))).not.toBeNull();
    });

    it('expire, and the expired row is removed', async () => {
      const { token } = await createSession(db, userId, start);
      expect(await validateSessionToken(db, token, later(30))).toBeNull();
      const id = token.split('.')[0] ?? '';
      expect(await db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
    });

    it('end one at a time, or all of a user but the one in use', async () => {
      const a = await createSession(db, userId, start);
      const b = await createSession(db, userId, start);
      const c = await createSession(db, userId, start);
      await invalidateSession(db, a.token.split('.')[0] ?? '');
      expect(await validateSessionToken(db, a.token, later(1))).toBeNull();
      await invalidateUserSessions(db, userId, { except: b.token.split('.')[0] });
      expect(await validateSessionToken(db, b.token, later(1))).not.toBeNull();
      expect(await validateSessionToken(db, c.token, later(1))).toBeNull();
      await invalidateUserSessions(db, userId);
      expect(await validateSessionToken(db, b.token, later(1))).toBeNull();
    });
  });
}
