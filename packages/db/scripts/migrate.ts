import { migrate } from '../src/migrate.ts';
import { openFromEnv } from './open.ts';

const { handle, where } = await openFromEnv();
try {
  await migrate(handle.db);
  console.log(`migrated ${where}`);
} finally {
  await handle.close();
}
