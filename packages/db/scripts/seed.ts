import { type DbEnv, readScriptDbEnv } from '../src/env.ts';
import { migrate } from '../src/migrate.ts';
import { openNodeDatabase } from '../src/open-node.ts';
import { seedCatalog } from '../src/seed/index.ts';

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
  const result = await seedCatalog(handle.db);
  console.log(
    result.seeded
      ? `seeded ${handle.where}: ${result.collections} collections, ${result.products} products, ${result.variants} variants`
      : `${handle.where} already has products; left as it is`,
  );
} finally {
  await handle.close();
}
