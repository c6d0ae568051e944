import { isExpired, type PasswordHasher, parseSessionToken, secretMatches } from '@edgecart/auth';
import { type Database, eq, passwordResets, users } from '@edgecart/db';
import { InvalidInputError } from '../errors.ts';
import { enqueueEmail } from '../outbox/queue.ts';
import { validNewPassword } from './credentials.ts';
import { passwordResetEmail } from './emails.ts';
import { newEmailLink } from './links.ts';
import { normalizeEmail } from './normalize-email.ts';
import { createSession, invalidateUserSessions } from './sessions.ts';

/**
 * Mails a reset link when the address has an account; the caller answers the
 * same either way ("if it has an account, a link is on its way"), and runs
 * this after its response, so that the work done for a known address does not
 * show in the reply's timing.
 */
export async function requestPasswordReset(
  deps: { db: Database; origin: string; now: Date },
  input: { email: string },
): Promise<void> {
  const email = normalizeEmail(input.email);
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) return;
    const link = newEmailLink(deps.origin, '/reset-password', deps.now);
    await tx.insert(passwordResets).values({ ...link.row, userId: user.id });
    await enqueueEmail(tx, passwordResetEmail(email, link.url), deps.now);
  });
}

const linkInvalid = () =>
  new InvalidInputError(
    'This link has expired or was already used. Ask for a new one on the "Forgot password" page.',
    { field: 'token' },
  );

/**
 * Sets a new password from a reset link: the link works once, within the hour;
 * every session of the account ends, every other reset link of it too, and a
 * fresh session opens for the person who reset it. The link is checked before
 * the password is hashed (argon2id, 19 MiB): a made-up link costs a lookup,
 * never a hash.
 */
export async function resetPassword(
  deps: { db: Database; hasher: PasswordHasher; now: Date },
  input: { token: string; password: string },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const parsed = parseSessionToken(input.token);
  if (!parsed) throw linkInvalid();
  const password = validNewPassword(input.password);
  const [link] = await deps.db
    .select({ secretHash: passwordResets.secretHash, expiresAt: passwordResets.expiresAt })
    .from(passwordResets)
    .where(eq(passwordResets.id, parsed.id));
  if (!link || !secretMatches(parsed.secret, link.secretHash)) throw linkInvalid();
  // A good link past its hour is used up below without a hash, then refused.
  const passwordHash = isExpired(link.expiresAt, deps.now)
    ? null
    : await deps.hasher.hash(password);
  const result = await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.id, parsed.id))
      .for('update');
    // Gone since the check: another request used the link first.
    if (!reset || !secretMatches(parsed.secret, reset.secretHash)) return null;
    await tx.delete(passwordResets).where(eq(passwordResets.userId, reset.userId));
    if (passwordHash === null || isExpired(reset.expiresAt, deps.now)) return null;
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: deps.now })
      .where(eq(users.id, reset.userId));
    await invalidateUserSessions(tx, reset.userId);
    const session = await createSession(tx, reset.userId, deps.now);
    return { ...session, userId: reset.userId };
  });
  if (!result) throw linkInvalid();
  return result;
}
