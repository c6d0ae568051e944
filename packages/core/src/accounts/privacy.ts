import type { PasswordHasher } from '@edgecart/auth';
import {
  type Database,
  desc,
  eq,
  orders,
  outbox,
  pendingSignUps,
  sessions,
  users,
} from '@edgecart/db';
import { InvalidInputError, NotFoundError } from '../errors.ts';

/** Everything the shop holds about a person, as they may download it. */
export async function exportAccountData(db: Database, userId: string) {
  const [user] = await db
    .select({
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError('This account no longer exists.');
  const [activeSessions, emails, orderHistory] = await Promise.all([
    db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    db
      .select({ subject: outbox.subject, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
      .from(outbox)
      .where(eq(outbox.to, user.email)),
    db
      .select({
        number: orders.number,
        status: orders.status,
        currency: orders.currency,
        total: orders.total,
        email: orders.email,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.createdAt)),
  ]);
  return { account: user, sessions: activeSessions, emails, orders: orderHistory };
}

/**
 * Deletes an account after checking its password: its sessions and reset
 * links go with it, and so do pending sign-ups and queued emails to its
 * address, and its cart. Its orders stay for the books, detached from it:
 * no account, no email address.
 */
export async function deleteAccount(
  deps: { db: Database; hasher: PasswordHasher },
  input: { userId: string; password: string },
): Promise<void> {
  const [user] = await deps.db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw new NotFoundError('This account no longer exists.');
  const { valid } = await deps.hasher.verify(user.passwordHash, input.password);
  if (!valid) {
    throw new InvalidInputError('That is not your password; the account is unchanged.', {
      field: 'password',
    });
  }
  await deps.db.transaction(async (tx) => {
    await tx.delete(outbox).where(eq(outbox.to, user.email));
    await tx.delete(pendingSignUps).where(eq(pendingSignUps.email, user.email));
    await tx.update(orders).set({ email: null }).where(eq(orders.userId, input.userId));
    // Sessions, reset links and the cart cascade with the user; orders' user_id becomes null.
    await tx.delete(users).where(eq(users.id, input.userId));
  });
}
