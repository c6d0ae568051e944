import { openNeonPostgres } from '../testing/postgres.ts';
import { describeOrderSchedules } from './order-schedules.contract.ts';

describeOrderSchedules(
  'PostgreSQL through the Neon driver',
  () => openNeonPostgres({ path: 'pool' }),
  {
    // 250 in `npm test` (fresh seeds each run, inside CI's budget); ORDER_SCHEDULES=1000 for more.
    runs: Number(process.env.ORDER_SCHEDULES || 250),
    lanes: 4,
    // A failure prints its seed: ORDER_SCHEDULES_SEED=<seed> replays it.
    replaySeed: Number(process.env.ORDER_SCHEDULES_SEED) || undefined,
  },
);
