import { openNeonPostgres } from '../testing/postgres.ts';
import { describeProductSearchContract } from './product-search.contract.ts';

describeProductSearchContract('PostgreSQL through the Neon driver', () =>
  openNeonPostgres({ path: 'pool' }),
);
