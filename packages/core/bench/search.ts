/**
 * `npm run bench -w @edgecart/core`: search over a generated catalog of
 * 10,000 products on a real PostgreSQL through the Neon driver. Prints p50
 * and p99 of the old substring search (`ILIKE '%word%'` over title and
 * description, what `q` was before migration 0015) beside the full-text
 * search `catalog.products` runs now, side by side in one run, and the plan
 * of the new query showing its index. Starts its own PostgreSQL and stops it,
 * on success and on failure.
 */
import { products, productVariants, sql } from '@edgecart/db';
import { listProducts } from '../src/catalog/list-products.ts';
import { openNeonPostgres } from '../src/testing/postgres.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SEARCHES ?? 200);

const nouns = [
  'lantern',
  'tent',
  'stove',
  'beanie',
  'jacket',
  'boot',
  'mug',
  'pack',
  'lamp',
  'rope',
];
const adjectives = [
  'trail',
  'merino',
  'compact',
  'alpine',
  'rugged',
  'folding',
  'insulated',
  'bright',
];
const colours = ['Forest', 'Crimson', 'Slate', 'Ochre', 'Sky'];
const searches = [
  'lanterns',
  'alpine tent',
  'merino beanie',
  'folding stove',
  'bright lamp',
  'rope',
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(label: string, run: (q: string) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const q = searches[i % searches.length] ?? 'tent';
    const started = performance.now();
    await run(q);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  console.log(
    `${label.padEnd(42)} p50 ${p50.toFixed(1).padStart(7)} ms   p99 ${p99.toFixed(1).padStart(7)} ms`,
  );
  return { p50, p99 };
}

async function main() {
  console.log(`search bench: starting PostgreSQL, then ${PRODUCTS} products…`);
  const { db, close } = await openNeonPostgres({ path: 'pool' });
  try {
    const started = performance.now();
    // Set-based: the triggers of migration 0015 build every product's vector as its rows go in.
    await db.execute(sql`
      insert into ${products} (slug, title, description, currency)
      select 'bench-' || i,
        initcap(${sql.raw(`(array['${adjectives.join("','")}'])`)}[1 + i % ${adjectives.length}]) || ' ' ||
          initcap(${sql.raw(`(array['${nouns.join("','")}'])`)}[1 + (i / 7) % ${nouns.length}]) || ' ' || i,
        'A ' || ${sql.raw(`(array['${adjectives.join("','")}'])`)}[1 + (i / 3) % ${adjectives.length}] ||
          ' piece of kit for the ' || ${sql.raw(`(array['${nouns.join("','")}'])`)}[1 + (i / 11) % ${nouns.length}] || ' shelf, series' || (i % 500) || '.',
        'USD'
      from generate_series(1, ${PRODUCTS}) as i`);
    await db.execute(sql`
      insert into ${productVariants} (product_id, sku, title, options, price, currency, stock)
      select p.id, 'SKU-' || substr(p.slug, 7), c, jsonb_build_object('Colour', c), 1000 + (random() * 9000)::int, 'USD', 10
      from ${products} p,
        lateral (select ${sql.raw(`(array['${colours.join("','")}'])`)}[1 + (hashtext(p.slug) & 1023) % ${colours.length}] as c) colour
      where p.slug like 'bench-%'`);
    await db.execute(sql`analyze`);
    console.log(
      `generated in ${((performance.now() - started) / 1000).toFixed(1)} s; ${ROUNDS} searches each:`,
    );

    const before = await time('before: ILIKE over title, description', (q) => {
      const words = q.split(' ').map((w) => `%${w}%`);
      return db.execute(sql`
        select p.id from ${products} p join ${productVariants} v on v.product_id = p.id
        where p.status = 'active' and ${sql.join(
          words.map((w) => sql`(p.title ilike ${w} or p.description ilike ${w})`),
          sql` and `,
        )}
        group by p.id order by min(v.price) limit 25`);
    });
    const after = await time('after: full-text, ranked (listProducts)', (q) =>
      listProducts(db, { q, sort: 'relevance', limit: 24 }),
    );
    const typo = await time('after: a misspelling, corrected', () =>
      listProducts(db, { q: 'lantren', sort: 'relevance', limit: 24 }),
    );
    console.log(
      `ratio p50 before/after: ${(before.p50 / after.p50).toFixed(1)}×, p99: ${(before.p99 / after.p99).toFixed(1)}×; corrected searches p50 ${typo.p50.toFixed(1)} ms`,
    );
    // The plans: the match goes through the GIN index, for a rare word and a common pair.
    for (const q of ['series417', 'alpine tent']) {
      const plan = (await db.execute(sql`
        explain select id from ${products}
        where status = 'active' and search_vector @@ websearch_to_tsquery('english', ${q})`)) as {
        rows: { 'QUERY PLAN': string }[];
      };
      console.log(`plan of the full-text match for "${q}":`);
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
    }
  } finally {
    await close();
    console.log('search bench: PostgreSQL stopped.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
