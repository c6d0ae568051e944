import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCatalogContract } from '../testing/catalog-contract.ts';

describeCatalogContract('PGlite', () => createPgliteDb({ seed: true }));
