import { openNeonPostgres } from '../testing/postgres.ts';
import { describeSessionContract } from './sessions.contract.ts';

describeSessionContract('PostgreSQL through the Neon HTTP path', () =>
  openNeonPostgres({ path: 'request' }),
);
