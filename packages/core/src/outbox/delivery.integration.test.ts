import { openNeonPostgres } from '../testing/postgres.ts';
import { describeDeliveryContract } from './delivery.contract.ts';

describeDeliveryContract(
  'PostgreSQL through the Neon WebSocket pool',
  () => openNeonPostgres({ path: 'pool' }),
  { concurrentConnections: true },
);
describeDeliveryContract(
  'PostgreSQL through the Worker path (HTTP queries)',
  () => openNeonPostgres({ path: 'request' }),
  { concurrentConnections: true },
);
