import { createPgliteDb } from '@edgecart/db/pglite';
import { describePromotionsContract } from './promotions.contract.ts';

describePromotionsContract('PGlite', () => createPgliteDb());
