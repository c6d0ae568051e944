import { openNeonPostgres } from '../testing/postgres.ts';
import { describeRetentionContract } from './retention.contract.ts';

describeRetentionContract('PostgreSQL through the Neon WebSocket pool', () =>
  openNeonPostgres({ path: 'pool' }),
);
