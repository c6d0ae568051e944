import { migrate } from '../src/migrate.ts';
import { openScriptDatabase } from './script-database.ts';

const handle = await openScriptDatabase();
try {
  await migrate(handle.db);
  console.log(`migrated ${handle.where}`);
} finally {
  await handle.close();
}
