import { createPgliteDb } from '@edgecart/db/pglite';
import { describeDeliveryContract } from './delivery.contract.ts';

describeDeliveryContract('PGlite', () => createPgliteDb(), { concurrentConnections: false });
