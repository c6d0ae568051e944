import { openNeonPostgres } from '../testing/postgres.ts';
import { describeDeliveryContract } from './delivery-contract.ts';

describeDeliveryContract(
  'PostgreSQL through the Neon WebSocket pool',
  () => openNeonPostgres({ path: 'pool' }),
  true,
);
describeDeliveryContract(
  'PostgreSQL through the Worker path (HTTP queries)',
  () => openNeonPostgres({ path: 'request' }),
  true,
);
