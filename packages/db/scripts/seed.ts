import { migrate } from '../src/migrate.ts';
import { seedCatalog } from '../src/seed/index.ts';
import { openFromEnv } from './open.ts';

const { handle, where } = await openFromEnv();
try {
  await migrate(handle.db);
  const result = await seedCatalog(handle.db);
  console.log(
    result.seeded
      ? `seeded ${where}: ${result.collections} collections, ${result.products} products, ${result.variants} variants`
      : `${where} already has products; left as it is`,
  );
} finally {
  await handle.close();
}
