import { createPgliteDb } from '@edgecart/db/pglite';
import { describeOrderSchedules } from './order-schedules.contract.ts';

// 50 schedules: the model must hold on the embedded database too. What the schedules
// cover is checked on PostgreSQL's 250 (order-schedules.integration.test.ts), the
// production engine; ORDER_SCHEDULES_PGLITE=500 runs more here.
describeOrderSchedules('PGlite', () => createPgliteDb(), {
  runs: Number(process.env.ORDER_SCHEDULES_PGLITE || 50),
  catchesWrongModel: true,
});
