import { createPgliteDb } from '@edgecart/db/pglite';
import { describeCatalogFuzz } from '../testing/catalog-fuzz.ts';

describeCatalogFuzz('PGlite', () => createPgliteDb({ seed: true }), { numRuns: 200 });
