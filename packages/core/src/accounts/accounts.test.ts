import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { createPgliteDb } from '@edgecart/db/pglite';
import { describeAccountsContract } from './accounts.contract.ts';

describeAccountsContract('PGlite', async () => ({
  ...(await createPgliteDb()),
  argon2: await loadArgon2(),
}));
