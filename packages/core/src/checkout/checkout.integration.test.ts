import { openNeonPostgres } from '../testing/postgres.ts';
import { describeCheckoutContract } from './checkout.contract.ts';

describeCheckoutContract(
  'PostgreSQL through the Neon WebSocket pool',
  () => openNeonPostgres({ path: 'pool' }),
  { concurrentTransactions: true },
);
describeCheckoutContract(
  'PostgreSQL through the Worker path (HTTP reads, WebSocket transactions)',
  () => openNeonPostgres({ path: 'request' }),
  { concurrentTransactions: false },
);
