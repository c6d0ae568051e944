import { openNeonPostgres } from '@edgecart/core/testing/postgres';
import { seedCatalog } from '@edgecart/db/seed';
import { describeCatalogFuzz } from '../testing/catalog-fuzz.ts';
import { describeCatalogContract } from './catalog.contract.ts';

const seeded = (path: 'pool' | 'request') => () => openNeonPostgres({ path, seed: seedCatalog });

describeCatalogContract('the Neon WebSocket pool against PostgreSQL', seeded('pool'));
describeCatalogContract('the Neon HTTP path against PostgreSQL', seeded('request'));
describeCatalogFuzz('the Neon HTTP path against PostgreSQL', seeded('request'), { numRuns: 200 });
