import { createPgliteDb } from '@edgecart/db/pglite';
import { describeOrderSchedules } from './order-schedules.contract.ts';

// 100 schedules: the model must hold on the embedded database too. What the schedules
// cover is checked on PostgreSQL's 250 (order-schedules.integration.test.ts).
describeOrderSchedules('PGlite', () => createPgliteDb(), { runs: 100, catchesWrongModel: true });
