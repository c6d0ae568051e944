import { migrate } from '../src/migrate.ts';
import { seedCatalog } from '../src/seed/index.ts';
import { openScriptDatabase } from './script-database.ts';

const handle = await openScriptDatabase();
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
