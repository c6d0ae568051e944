import { openNeonPostgres } from '../testing/postgres.ts';
import { describeCartContract } from './cart.contract.ts';

describeCartContract(
  'PostgreSQL through the Neon WebSocket pool',
  () => openNeonPostgres({ path: 'pool' }),
  { concurrentTransactions: true },
);
describeCartContract(
  'PostgreSQL through the Worker path (HTTP reads, WebSocket transactions)',
  () => openNeonPostgres({ path: 'request' }),
  { concurrentTransactions: false },
);
