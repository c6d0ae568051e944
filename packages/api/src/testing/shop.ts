import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { createPgliteDb } from '@edgecart/db/pglite';
import { seedCatalog } from '@edgecart/db/seed';
import { startStripeStandIn } from '@edgecart/dev-services';
import { createStripePayments } from '@edgecart/payments';

/**
 * A seeded shop on PGlite, argon2 for passwords, and the real Stripe SDK
 * against the payment stand-in, for router tests that check out. Close it
 * after the file.
 */
export async function openTestShop() {
  const { db, close } = await createPgliteDb();
  await seedCatalog(db);
  const argon2 = await loadArgon2();
  const standIn = await startStripeStandIn({});
  const payments = createStripePayments({
    secretKey: standIn.secretKey,
    webhookSecret: standIn.webhookSecret,
    api: { host: standIn.host, port: standIn.port, protocol: 'http' },
  });
  return {
    db,
    argon2,
    standIn,
    payments,
    close: async () => {
      await standIn.close();
      await close();
    },
  };
}

export { stockOf } from '@edgecart/core/testing/fixtures';
