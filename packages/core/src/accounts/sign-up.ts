import { isExpired, type PasswordHasher, parseSessionToken, secretMatches } from '@edgecart/auth';
import { type Database, eq, pendingSignUps, users } from '@edgecart/db';
import { toDomainError } from '../database-errors.ts';
import { InvalidInputError } from '../errors.ts';
import { enqueueEmail } from '../outbox/queue.ts';
import { validEmail, validNewPassword } from './credentials.ts';
import { accountExistsEmail, signUpConfirmEmail } from './emails.ts';
import { newEmailLink } from './links.ts';
import { createSession } from './sessions.ts';

export interface SignUpDeps {
  db: Database;
  hasher: PasswordHasher;
  /** The shop's public origin, for the link in the email. */
  origin: string;
  now: Date;
}

/**
 * Starts a sign-up. Whether or not the address has an account, the caller
 * answers the same ("check your email") and this takes the same work (one
 * password hash): a new address gets a confirmation link, a known one an email
 * saying it already has an account. Nothing else is revealed.
 */
export async function requestSignUp(
  deps: SignUpDeps,
  input: { email: string; password: string },
): Promise<void> {
  const email = validEmail(input.email);
  const passwordHash = await deps.hasher.hash(validNewPassword(input.password));
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      await enqueueEmail(tx, accountExistsEmail(email, deps.origin), deps.now);
      return;
    }
    const link = newEmailLink(deps.origin, '/sign-up/confirm', deps.now);
    await tx.insert(pendingSignUps).values({ ...link.row, email, passwordHash });
    await enqueueEmail(tx, signUpConfirmEmail(email, link.url), deps.now);
  });
}

const linkInvalid = () =>
  new InvalidInputError(
    'This link has expired or was already used. Sign up again to get a new one.',
    { field: 'token' },
  );

/**
 * Opens a confirmation link: creates the account and its first session, and
 * uses up every pending sign-up of that address. A link works once, within
 * the hour.
 */
export async function confirmSignUp(
  deps: Omit<SignUpDeps, 'hasher' | 'origin'>,
  token: string,
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const parsed = parseSessionToken(token);
  if (!parsed) throw linkInvalid();
  let confirmed: { token: string; expiresAt: Date; userId: string } | null;
  try {
    confirmed = await deps.db.transaction(async (tx) => {
      const [pending] = await tx
        .select()
        .from(pendingSignUps)
        .where(eq(pendingSignUps.id, parsed.id))
        .for('update');
      if (!pending || !secretMatches(parsed.secret, pending.secretHash)) throw linkInvalid();
      await tx.delete(pendingSignUps).where(eq(pendingSignUps.email, pending.email));
      // An expired link is used up too (the deletion commits), then refused.
      if (isExpired(pending.expiresAt, deps.now)) return null;
      const [user] = await tx
        .insert(users)
        .values({ email: pending.email, passwordHash: pending.passwordHash, createdAt: deps.now })
        .returning({ id: users.id });
      if (!user) throw linkInvalid();
      const session = await createSession(tx, user.id, deps.now);
      return { ...session, userId: user.id };
    });
  } catch (error) {
    // Two links of one address opened at once: the second finds the account made.
    if (toDomainError(error)?.kind === 'conflict') throw linkInvalid();
    throw error;
  }
  if (!confirmed) throw linkInvalid();
  return confirmed;
}
