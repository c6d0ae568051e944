import type { Database } from '@edgecart/db';
import { afterAll, beforeAll } from 'vitest';

/** How a contract test opens its database: PGlite, or PostgreSQL through a Neon driver. */
export type OpenDatabase = () => Promise<{ db: Database; close: () => Promise<void> }>;

/**
 * Inside a `describe`: opens the database before its tests, hands it to
 * `use`, and closes it after them, whether they passed or not.
 */
export function withContractDb(open: OpenDatabase, use: (db: Database) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await open();
    close = opened.close;
    use(opened.db);
  });
  afterAll(async () => {
    await close?.();
  });
}
