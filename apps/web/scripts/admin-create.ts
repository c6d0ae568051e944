/**
 * `npm run admin:create -- --email ann@example.com --password '…'`: creates an
 * admin, or promotes an existing account (keeping its password), in the
 * database the dev server uses: DATABASE_URL when set, else the embedded
 * PGlite folder. PGlite serves one process at a time: stop `npm run dev` first.
 */
import { parseArgs } from 'node:util';
import { createArgon2idHasher } from '@edgecart/auth';
import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { createOrPromoteAdmin, normalizeEmail } from '@edgecart/core';
import { readDbEnv } from '@edgecart/db/env';
import { openNodeDatabase } from '@edgecart/db/node';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' } },
  strict: true,
});
if (!values.email || !values.password) {
  console.error(
    "usage: npm run admin:create -- --email ann@example.com --password 'a long passphrase'",
  );
  process.exit(2);
}

const handle = await openNodeDatabase(readDbEnv(process.env), { seed: true });
try {
  const hasher = createArgon2idHasher(await loadArgon2());
  const { created } = await createOrPromoteAdmin(
    { db: handle.db, hasher, now: new Date() },
    { email: values.email, password: values.password },
  );
  console.log(
    `${created ? 'created the admin' : 'promoted to admin (password unchanged):'} ${normalizeEmail(values.email)} in ${handle.where}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  // A driver's failure is the cause of drizzle's "Failed query".
  if (error instanceof Error && error.cause) {
    console.error(error.cause instanceof Error ? error.cause.message : error.cause);
  }
  process.exitCode = 1;
} finally {
  await handle.close();
}
