import { openNeonPostgres } from '../testing/postgres.ts';
import { describeShipOrderContract } from './ship-order.contract.ts';

describeShipOrderContract('PostgreSQL through the Neon WebSocket pool', () =>
  openNeonPostgres({ path: 'pool' }),
);
