import { openNeonPostgres } from '../testing/postgres.ts';
import { describeOrderSchedules } from './order-schedules-contract.ts';

describeOrderSchedules(
  'PostgreSQL through the Neon driver',
  () => openNeonPostgres({ path: 'pool' }),
  Number(process.env.ORDER_SCHEDULES || 1000),
  4,
  // A failure prints its seed: ORDER_SCHEDULES_SEED=<seed> replays it.
  Number(process.env.ORDER_SCHEDULES_SEED) || undefined,
);
