import { openNeonPostgres } from '../testing/postgres.ts';
import { describeStockAdjustmentContract } from './stock.contract.ts';

describeStockAdjustmentContract('PostgreSQL through the Neon WebSocket pool', () =>
  openNeonPostgres({ path: 'pool' }),
);
