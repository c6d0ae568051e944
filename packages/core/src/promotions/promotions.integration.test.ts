import { openNeonPostgres } from '../testing/postgres.ts';
import { describePromotionsContract } from './promotions.contract.ts';

describePromotionsContract('PostgreSQL through the Neon driver', () =>
  openNeonPostgres({ path: 'pool' }),
);
