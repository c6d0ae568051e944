import { type DbEnv, readScriptDbEnv } from '../src/env.ts';
import { migrate } from '../src/migrate.ts';
import { openNodeDatabase } from '../src/open-node.ts';

let settings: DbEnv;
try {
  settings = readScriptDbEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const handle = await openNodeDatabase(settings);
try {
  await migrate(handle.db);
  console.log(`migrated ${handle.where}`);
} finally {
  await handle.close();
}
