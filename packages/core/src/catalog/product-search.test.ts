import { createPgliteDb } from '@edgecart/db/pglite';
import { describeProductSearchContract } from './product-search.contract.ts';

describeProductSearchContract('PGlite', () => createPgliteDb());
