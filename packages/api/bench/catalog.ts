/**
 * Catalog read figures on the embedded database: how long the router takes to
 * answer the listing and product queries a storefront makes most. Prints
 * figures; asserts nothing (goals live here, not in timed tests).
 */
import { createPgliteDb } from '@edgecart/db/pglite';
import { createCaller } from '../src/root.ts';
import { testContext } from '../src/testing/test-context.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${name.padEnd(34)} mean ${mean.toFixed(2).padStart(7)} ms  p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms`,
  );
}

const started = performance.now();
const { db, close } = await createPgliteDb({ seed: true });
console.log(`PGlite boot + migrate + seed: ${(performance.now() - started).toFixed(0)} ms`);
const caller = createCaller(testContext(db));
const firstPage = await caller.catalog.products({ sort: 'price-asc', limit: 12 });
const slug = firstPage.items[0]?.slug ?? 'missing';

await measure('products: featured, 12', () => caller.catalog.products({ limit: 12 }));
await measure('products: price-asc, page 2', () =>
  caller.catalog.products({ sort: 'price-asc', limit: 12, cursor: firstPage.nextCursor }),
);
await measure('products: search "wool"', () => caller.catalog.products({ q: 'wool' }));
await measure('products: filters + in stock', () =>
  caller.catalog.products({ minPrice: 2000, maxPrice: 9000, inStock: true, sort: 'newest' }),
);
await measure('product by slug', () => caller.catalog.product({ slug }));
await measure('collections', () => caller.catalog.collections());
const memory = process.memoryUsage();
console.log(
  `memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
await close();
