import type { PasswordHasher } from '@edgecart/auth';
import { type Database, eq, users } from '@edgecart/db';
import { validEmail, validNewPassword } from './credentials.ts';

/**
 * Makes an admin: a new account with this password, or, for an existing
 * account, its role raised (its password left as it is).
 */
export async function createOrPromoteAdmin(
  deps: { db: Database; hasher: PasswordHasher; now: Date },
  input: { email: string; password: string },
): Promise<{ userId: string; created: boolean }> {
  const email = validEmail(input.email);
  const [existing] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  if (existing) {
    await deps.db
      .update(users)
      .set({ role: 'admin', updatedAt: deps.now })
      .where(eq(users.id, existing.id));
    return { userId: existing.id, created: false };
  }
  const passwordHash = await deps.hasher.hash(validNewPassword(input.password));
  const [user] = await deps.db
    .insert(users)
    .values({ email, passwordHash, role: 'admin', createdAt: deps.now })
    .returning({ id: users.id });
  if (!user) throw new Error('the new admin was not returned');
  return { userId: user.id, created: true };
}
