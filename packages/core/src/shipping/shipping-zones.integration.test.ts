import { openNeonPostgres } from '../testing/postgres.ts';
import { describeShippingZonesContract } from './shipping-zones.contract.ts';

describeShippingZonesContract('PostgreSQL through the Neon WebSocket pool', () =>
  openNeonPostgres({ path: 'pool' }),
);
