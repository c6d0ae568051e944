import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCatalogContract } from './catalog.contract.ts';

describeCatalogContract('PGlite', () => createPgliteDb({ seed: true }));
