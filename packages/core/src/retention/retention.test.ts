import { createPgliteDb } from '@edgecart/db/pglite';
import { describeRetentionContract } from './retention.contract.ts';

describeRetentionContract('PGlite', () => createPgliteDb());
