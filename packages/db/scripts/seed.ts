import { readDbEnv } from '../src/env.ts';
import { migrate } from '../src/migrate.ts';
import { openNodeDatabase } from '../src/open-node.ts';
import { seedCatalog } from '../src/seed/index.ts';

const handle = await openNodeDatabase(readDbEnv(process.env));
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
