import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCartContract } from './cart.contract.ts';

describeCartContract('PGlite', () => createPgliteDb(), { concurrentTransactions: true });
