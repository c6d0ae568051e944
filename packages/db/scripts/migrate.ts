import { readDbEnv } from '../src/env.ts';
import { migrate } from '../src/migrate.ts';
import { openNodeDatabase } from '../src/open-node.ts';

const handle = await openNodeDatabase(readDbEnv(process.env));
try {
  await migrate(handle.db);
  console.log(`migrated ${handle.where}`);
} finally {
  await handle.close();
}
