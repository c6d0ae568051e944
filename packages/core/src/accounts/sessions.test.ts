import { createPgliteDb } from '@edgecart/db/pglite';
import { describeSessionContract } from './sessions.contract.ts';

describeSessionContract('PGlite', () => createPgliteDb());
