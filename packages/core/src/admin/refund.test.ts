import { createPgliteDb } from '@edgecart/db/pglite';
import { describeRefundContract } from './refund.contract.ts';

describeRefundContract('PGlite', () => createPgliteDb());
