import type { PasswordHasher } from '@edgecart/auth';
import { type Database, eq, users } from '@edgecart/db';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { validNewPassword } from './credentials.ts';
import { invalidateUserSessions } from './sessions.ts';

/**
 * Changes a signed-in user's password after checking the current one, and
 * ends every other session of the account (the one in use stays).
 */
export async function changePassword(
  deps: { db: Database; hasher: PasswordHasher; now: Date },
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw new NotFoundError('This account no longer exists.');
  const { valid } = await deps.hasher.verify(user.passwordHash, input.currentPassword);
  if (!valid) {
    throw new InvalidInputError('That is not your current password.', {
      field: 'currentPassword',
    });
  }
  const passwordHash = await deps.hasher.hash(validNewPassword(input.newPassword));
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: deps.now })
      .where(eq(users.id, input.userId));
    await invalidateUserSessions(tx, input.userId, { except: input.sessionId });
  });
}
