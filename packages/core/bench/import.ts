/**
 * `npm run bench -w @edgecart/core` (after search.ts): a catalog CSV of
 * 10,000 variant rows (2,000 products of 5 variants) checked and applied on
 * a real PostgreSQL through the Worker's path (the Neon driver: reads over
 * HTTP, each batch's transaction on a WebSocket), one batch per call as the
 * admin's page and the scheduled run make them. Prints the dry run's time and
 * each batch's p50, p99 and slowest: what one request of the Worker carries.
 * Starts its own PostgreSQL and stops it, on success and on failure.
 */
import {
  applyCatalogImport,
  checkCatalogImport,
  startCatalogImport,
} from '../src/catalog-csv/import-catalog.ts';
import { toCsv } from '../src/catalog-csv/shopify-csv.ts';
import { openNeonPostgres } from '../src/testing/postgres.ts';

const PRODUCTS = Number(process.env.BENCH_IMPORT_PRODUCTS ?? 2_000);
const VARIANTS = 5;

const rows = [];
for (let p = 0; p < PRODUCTS; p++) {
  for (let v = 0; v < VARIANTS; v++) {
    rows.push({
      Handle: `bench-item-${p}`,
      ...(v === 0 ? { Title: `Bench item ${p}`, Status: 'active' } : {}),
      'Option1 Name': 'Size',
      'Option1 Value': `S${v}`,
      'Variant SKU': `BENCH-${p}-${v}`,
      'Variant Price': `${(10 + (p % 90)).toFixed(2)}`,
      'Variant Inventory Qty': String(v * 3),
      'Variant Grams': '250',
    });
  }
}
const file = new TextEncoder().encode(toCsv(rows));
console.log(
  `import bench: ${rows.length} variant rows, ${(file.byteLength / 1024 / 1024).toFixed(1)} MB; starting PostgreSQL…`,
);
const { db, close } = await openNeonPostgres({ path: 'request' });
try {
  const deps = {
    db,
    now: new Date(),
    actor: 'bench',
    origin: 'https://shop.example',
    imageHosts: [],
    bucket: null,
  };
  let started = performance.now();
  const { id, status } = await checkCatalogImport(deps, { name: 'bench.csv', bytes: file });
  const checkMs = performance.now() - started;
  if (status !== 'ready') throw new Error(`the bench file was refused (${status})`);
  console.log(`dry run: ${checkMs.toFixed(0)} ms`);
  await startCatalogImport(deps, id);
  const batches: number[] = [];
  let progress = { applied: 0, total: PRODUCTS, status: 'applying' };
  started = performance.now();
  while (progress.status === 'applying') {
    const batchStarted = performance.now();
    progress = await applyCatalogImport(deps, id, 0);
    batches.push(performance.now() - batchStarted);
    if (batches.length % 10 === 0)
      console.log(`  ${progress.applied} of ${progress.total} products`);
  }
  const total = performance.now() - started;
  const sorted = [...batches].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  console.log('');
  console.log('| import of 10,000 variant rows | figure |');
  console.log('|---|---|');
  console.log(`| dry run (read, check, record) | ${checkMs.toFixed(0)} ms |`);
  console.log(`| batches of 50 products | ${batches.length} |`);
  console.log(`| batch p50 | ${at(50).toFixed(0)} ms |`);
  console.log(`| batch p99 | ${at(99).toFixed(0)} ms |`);
  console.log(`| slowest batch | ${(sorted.at(-1) ?? 0).toFixed(0)} ms |`);
  console.log(`| all batches | ${(total / 1000).toFixed(1)} s |`);
} finally {
  await close();
}
