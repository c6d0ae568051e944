import { openNeonPostgres } from '../testing/postgres.ts';
import { describeOrderShippingContract } from './order-shipping.contract.ts';

describeOrderShippingContract('PostgreSQL through the Neon driver', () =>
  openNeonPostgres({ path: 'pool' }),
);
