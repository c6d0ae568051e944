import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { openNeonPostgres } from '../testing/postgres.ts';
import { describeAccountsContract } from './accounts.contract.ts';

describeAccountsContract(
  'PostgreSQL through the Neon driver (HTTP reads, WebSocket transactions)',
  async () => ({ ...(await openNeonPostgres({ path: 'request' })), argon2: await loadArgon2() }),
);
