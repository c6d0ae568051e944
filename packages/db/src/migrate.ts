import type { MigrationMeta } from 'drizzle-orm/migrator';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { migrations } from './migrations.generated.ts';

/** drizzle keeps these fields internal; its own `migrate()` helpers reach them the same way. */
interface MigratableDatabase {
  dialect: PgDialect;
  session: PgSession;
}

/**
 * Applies the committed drizzle-kit migrations, which `npm run db:generate` embeds
 * in `migrations.generated.ts` so that no migration folder has to be found on disk
 * at run time (bundlers move files; a Worker has no disk).
 */
export async function migrate(db: Database, list: MigrationMeta[] = migrations): Promise<void> {
  const { dialect, session } = db as unknown as MigratableDatabase;
  await dialect.migrate(list, session, { migrationsFolder: 'embedded' });
}
