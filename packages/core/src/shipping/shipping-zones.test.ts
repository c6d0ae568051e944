import { createPgliteDb } from '@edgecart/db/pglite';
import { describeShippingZonesContract } from './shipping-zones.contract.ts';

describeShippingZonesContract('PGlite', () => createPgliteDb());
