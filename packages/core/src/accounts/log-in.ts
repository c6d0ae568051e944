import type { PasswordHasher } from '@edgecart/auth';
import { type Database, eq, users } from '@edgecart/db';
import { InvalidInputError } from '../errors.ts';
import { normalizeEmail } from './normalize-email.ts';
import { createSession } from './sessions.ts';

export interface LogInDeps {
  db: Database;
  hasher: PasswordHasher;
  now: Date;
}

/** One message for an unknown address and a wrong password alike. */
const refused = () =>
  new InvalidInputError(
    'That email and password do not match an account. Check both and try again.',
    {
      field: 'password',
    },
  );

/**
 * Checks the password and opens a fresh session (never one the browser brought:
 * no fixation). An unknown address costs the same one hash as a known one, so
 * timing tells nothing. A hash made with weaker parameters is upgraded.
 */
export async function logIn(
  deps: LogInDeps,
  input: { email: string; password: string },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const email = normalizeEmail(input.email);
  const [user] = await deps.db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  if (!user) {
    await deps.hasher.verifyDummy(input.password);
    throw refused();
  }
  const { valid, needsRehash } = await deps.hasher.verify(user.passwordHash, input.password);
  if (!valid) throw refused();
  if (needsRehash) {
    const passwordHash = await deps.hasher.hash(input.password);
    await deps.db
      .update(users)
      .set({ passwordHash, updatedAt: deps.now })
      .where(eq(users.id, user.id));
  }
  const session = await createSession(deps.db, user.id, deps.now);
  return { ...session, userId: user.id };
}
