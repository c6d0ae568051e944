import {
  generateSessionToken,
  isExpired,
  newExpiry,
  parseSessionToken,
  refreshedExpiry,
  secretMatches,
} from '@edgecart/auth';
import { and, type Database, eq, ne, sessions, type UserRole, users } from '@edgecart/db';

export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
}

export interface ValidSession {
  session: { id: string; userId: string; expiresAt: Date };
  user: SessionUser;
  /** Set when the expiry slid forward: the cookie must be written again. */
  refreshed: boolean;
}

/** A new session for a user: the token goes into the cookie, never into the database. */
export async function createSession(
  db: Database,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, id, secretHash } = generateSessionToken();
  const expiresAt = newExpiry(now);
  await db.insert(sessions).values({ id, userId, secretHash, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * The session and user a cookie's token stands for, or null: malformed,
 * unknown, tampered (the secret's hash differs, compared in constant time) or
 * expired (the row is deleted). Slides the expiry forward when less than half
 * of it is left.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now: Date,
): Promise<ValidSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      email: users.email,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parsed.id));
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
  if (isExpired(row.expiresAt, now)) {
    await db.delete(sessions).where(eq(sessions.id, row.id));
    return null;
  }
  const renewed = refreshedExpiry(row.expiresAt, now);
  if (renewed) await db.update(sessions).set({ expiresAt: renewed }).where(eq(sessions.id, row.id));
  return {
    session: { id: row.id, userId: row.userId, expiresAt: renewed ?? row.expiresAt },
    user: { id: row.userId, email: row.email, role: row.role },
    refreshed: renewed !== null,
  };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `except` (the one in use). */
export async function invalidateUserSessions(
  db: Database,
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  const mine = eq(sessions.userId, userId);
  await db
    .delete(sessions)
    .where(options.except ? and(mine, ne(sessions.id, options.except)) : mine);
}
