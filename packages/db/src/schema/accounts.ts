import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = () => timestamp({ withTimezone: true, precision: 3 });

export const userRoles = ['customer', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Trimmed and lower-cased before it is stored (a check keeps it so). */
    email: text().notNull(),
    /** A PHC string: algorithm, parameters, salt and hash. */
    passwordHash: text().notNull(),
    role: text({ enum: userRoles }).notNull().default('customer'),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check(
      'users_email_check',
      sql`${t.email} = lower(btrim(${t.email})) and ${t.email} like '%@%'`,
    ),
    check('users_role_check', sql`${t.role} in ('customer', 'admin')`),
  ],
);

/**
 * Lucia's session design: the cookie holds `<id>.<secret>`; the row keeps the
 * id and a SHA-256 hash of the secret, so a copy of the table opens no session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_secret_hash_check', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * A sign-up waiting for its email to be confirmed: the account is created only
 * when the link is opened, so the sign-up form answers the same whether or not
 * the address already has an account. The link holds `<id>.<secret>`.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    id: text().primaryKey(),
    secretHash: text().notNull(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
  },
  (t) => [
    index('pending_sign_ups_email_idx').on(t.email),
    check('pending_sign_ups_secret_hash_check', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A password-reset link waiting to be used: single use, one hour, secret stored hashed. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: text().notNull(),
    createdAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
  },
  (t) => [
    index('password_resets_user_idx').on(t.userId),
    check('password_resets_secret_hash_check', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
