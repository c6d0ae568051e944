import { createPgliteDb } from '@edgecart/db/pglite';
import { describeOrderSchedules } from './order-schedules.contract.ts';

describeOrderSchedules('PGlite', () => createPgliteDb(), { runs: 200, catchesWrongModel: true });
