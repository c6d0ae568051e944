import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCheckoutContract } from './checkout.contract.ts';

describeCheckoutContract('PGlite', () => createPgliteDb(), { concurrentTransactions: false });
