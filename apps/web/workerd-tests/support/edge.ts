import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type EdgeStack, type EdgeStackOptions, startEdgeStack } from '../../scripts/edge-stack.ts';

/**
 * The built Worker with its services for one test file, and a PostgreSQL
 * client to look into its database; both stopped after the file.
 */
export function startEdgeStackForFile(options: EdgeStackOptions = {}) {
  const edge = {} as { stack: EdgeStack; db: pg.Client };
  beforeAll(async () => {
    edge.stack = await startEdgeStack({ log: () => {}, ...options });
    edge.db = new pg.Client({ connectionString: edge.stack.postgres.connectionString });
    edge.db.on('error', () => {});
    await edge.db.connect();
  });
  afterAll(async () => {
    await edge.db?.end().catch(() => {});
    await edge.stack?.stop();
  });
  return edge;
}
