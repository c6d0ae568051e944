import { createPgliteDb } from '@edgecart/db/pglite';
import { describeStockAdjustmentContract } from './stock.contract.ts';

describeStockAdjustmentContract('PGlite', () => createPgliteDb());
