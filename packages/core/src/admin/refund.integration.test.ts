import { openNeonPostgres } from '../testing/postgres.ts';
import { describeRefundContract } from './refund.contract.ts';

describeRefundContract('PostgreSQL through the Neon WebSocket pool', () =>
  openNeonPostgres({ path: 'pool' }),
);
