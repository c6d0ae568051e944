import { createPgliteDb } from '@edgecart/db/pglite';
import { describePaymentEventsContract } from './payment-events.contract.ts';

describePaymentEventsContract('PGlite', () => createPgliteDb());
