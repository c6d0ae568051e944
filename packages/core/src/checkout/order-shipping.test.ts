import { createPgliteDb } from '@edgecart/db/pglite';
import { describeOrderShippingContract } from './order-shipping.contract.ts';

describeOrderShippingContract('PGlite', () => createPgliteDb());
