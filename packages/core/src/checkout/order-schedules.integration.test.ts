import { openNeonPostgres } from '../testing/postgres.ts';
import { describeOrderSchedules } from './order-schedules-contract.ts';

describeOrderSchedules(
  'PostgreSQL through the Neon driver',
  () => openNeonPostgres({ path: 'pool' }),
  Number(process.env.ORDER_SCHEDULES || 1000),
  4,
);
