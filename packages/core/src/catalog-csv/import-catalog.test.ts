import { auditLog, catalogImports, eq, products, productVariants, sql } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { seedCatalog } from '@edgecart/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCatalogCsv } from './export-catalog.ts';
import {
  applyCatalogImport,
  type CatalogImportDeps,
  checkCatalogImport,
  continueCatalogImports,
  getCatalogImport,
  startCatalogImport,
} from './import-catalog.ts';
import { readCatalogCsv } from './read-catalog-csv.ts';
import { SHOPIFY_COLUMNS, toCsv } from './shopify-csv.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const HEADER =
  'Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty,Variant Price Currency,Option1 Name,Option1 Value';

describe('reading a catalog CSV', () => {
  it('groups rows by handle, with options, prices in minor units and stock', () => {
    const { products, problems } = readCatalogCsv(
      encode(
        `${HEADER}\r\nfield-cap,Field Cap,CAP-S,19.50,4,USD,Size,S\r\nfield-cap,,CAP-M,19.50,0,,,M\r\nyen-mug,Mug,MUG-1,1200,3,JPY,Title,Default Title\r\n`,
      ),
    );
    expect(problems).toEqual([]);
    expect(
      products.map((p) => [
        p.handle,
        p.currency,
        p.variants.map((v) => [v.sku, v.price, v.stock, v.options]),
      ]),
    ).toEqual([
      [
        'field-cap',
        'USD',
        [
          ['CAP-S', 1950, 4, { Size: 'S' }],
          ['CAP-M', 1950, 0, { Size: 'M' }],
        ],
      ],
      ['yen-mug', 'JPY', [['MUG-1', 1200, 3, {}]]],
    ]);
  });

  it('reports each bad file by line and column', () => {
    const problemsOf = (text: string | Uint8Array) =>
      readCatalogCsv(typeof text === 'string' ? encode(text) : text).problems.map(
        (p) => `${p.line}:${p.column ?? '-'}: ${p.message}`,
      );
    // Latin-1 "café": not UTF-8.
    expect(problemsOf(new Uint8Array([...encode(`${HEADER}\r\ncaf`), 0xe9, 0x0a]))).toEqual([
      expect.stringMatching(/^1:-: The file is not UTF-8 text/),
    ]);
    expect(problemsOf('Handle,Title\r\na,A\r\n')).toEqual([
      '1:Variant SKU: The column "Variant SKU" is missing: the file needs Shopify\'s product CSV header.',
      '1:Variant Price: The column "Variant Price" is missing: the file needs Shopify\'s product CSV header.',
    ]);
    expect(
      problemsOf(
        `${HEADER}\r\ncap,Cap,CAP-1,5.00,1,USD,,\r\ncap,,CAP-1,5.00,1,,,\r\nmug,Mug,MUG-1,-3.00,1,USD,,\r\nmug,,MUG-2,3.00,1,EUR,,\r\nBad Handle,X,X-1,1.00,1,USD,,\r\ntee,Tee,TEE-1,1.999,2.5,USD,,\r\n`,
      ),
    ).toEqual([
      '3:Variant SKU: The SKU CAP-1 is on line 2 already.',
      '4:Variant Price: The price -3.00 is negative.',
      '5:Variant Price Currency: mug is priced in USD on line 4: a product has one currency.',
      '6:Handle: "Bad Handle" is not a handle: lower-case letters, digits and dashes.',
      '7:Variant Price: "1.999" is not a price, like 12.50.',
    ]);
  });
});

describe('importing a catalog', () => {
  let db: Awaited<ReturnType<typeof createPgliteDb>>['db'];
  let close: () => Promise<void>;
  const now = new Date('2026-12-03T12:00:00.000Z');
  const deps = (): CatalogImportDeps => ({
    db,
    now,
    actor: 'admin:import',
    origin: 'https://shop.example',
    imageHosts: [],
    bucket: null,
  });
  beforeAll(async () => {
    ({ db, close } = await createPgliteDb());
    await seedCatalog(db);
  });
  afterAll(async () => {
    await close?.();
  });

  /** Every variant's price and stock, in one figure: any change shows. */
  const fingerprint = async () =>
    db
      .select({
        n: sql<number>`count(*)::int`,
        sum: sql<string>`coalesce(sum(${productVariants.price}::bigint * 7 + ${productVariants.stock}), 0)::text`,
      })
      .from(productVariants);

  it('refuses a file with problems: its report says where, and nothing changes', async () => {
    const before = await fingerprint();
    const { id, status } = await checkCatalogImport(deps(), {
      name: 'bad.csv',
      bytes: encode(
        `${HEADER},Collections,Image Src\r\nnew-thing,,NEW-1,5.00,1,USD,,,Nowhere,https://evil.example/x.jpg\r\n`,
      ),
    });
    expect(status).toBe('refused');
    const { report } = await getCatalogImport(db, id);
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'Title'],
      [2, 'Collections'],
      [2, 'Image Src'],
    ]);
    await expect(startCatalogImport(deps(), id)).rejects.toThrow(/has problems/);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a SKU that belongs to another product', async () => {
    const [taken] = await db.select({ sku: productVariants.sku }).from(productVariants).limit(1);
    const { id, status } = await checkCatalogImport(deps(), {
      name: 'taken.csv',
      bytes: encode(`${HEADER}\r\nsomething-new,New,${taken?.sku},5.00,1,USD,,\r\n`),
    });
    expect(status).toBe('refused');
    expect((await getCatalogImport(db, id)).report.problems[0]?.message).toMatch(
      new RegExp(`The SKU ${taken?.sku} belongs to the product`),
    );
  });

  it('applies an edited export: updates by handle and SKU, creates what is new, and again changes nothing', async () => {
    const exported = await exportCatalogCsv(db, 'https://shop.example');
    const lines = exported.trimEnd().split('\r\n');
    const [header] = lines;
    const columns = header?.split(',') ?? [];
    expect(columns).toEqual([...SHOPIFY_COLUMNS]);
    // The lantern costs 99.00 now; a new product joins, with two variants.
    const edited = lines
      .map((line) => (line.startsWith('lantern,') ? line.replace(/,\d+\.\d\d,/, ',99.00,') : line))
      .join('\r\n');
    const added = toCsv([
      {
        Handle: 'trail-stove',
        Title: 'Trail Stove',
        'Variant SKU': 'STOVE-1',
        'Variant Price': '45.00',
        'Variant Inventory Qty': '6',
        Status: 'active',
        'Option1 Name': 'Fuel',
        'Option1 Value': 'Gas',
      },
      {
        Handle: 'trail-stove',
        'Variant SKU': 'STOVE-2',
        'Variant Price': '49.00',
        'Variant Inventory Qty': '2',
        'Option1 Value': 'Multi',
      },
    ])
      .split('\r\n')
      .slice(1)
      .join('\r\n');
    const file = encode(`${edited}\r\n${added}`);
    const { id, status } = await checkCatalogImport(deps(), { name: 'edited.csv', bytes: file });
    const { report, total } = await getCatalogImport(db, id);
    expect(report.problems).toEqual([]);
    expect(status).toBe('ready');
    expect(report.create).toBe(1);
    expect(report.update).toBe(total - 1);
    // The dry run changed nothing.
    expect(await db.$count(products, eq(products.slug, 'trail-stove'))).toBe(0);

    await startCatalogImport(deps(), id);
    // A budget of nothing: one batch per call, as the scheduled run would go on.
    let progress = await applyCatalogImport(deps(), id, 0);
    expect(progress.applied).toBeLessThanOrEqual(50);
    while (progress.status === 'applying') progress = await applyCatalogImport(deps(), id, 0);
    expect(progress).toEqual({ applied: total, total, status: 'applied' });
    const stove = await db.query.products.findFirst({
      where: eq(products.slug, 'trail-stove'),
      with: { variants: true },
    });
    expect(stove?.status).toBe('active');
    expect(stove?.variants.map((v) => [v.sku, v.price, v.stock, v.options]).sort()).toEqual([
      ['STOVE-1', 4500, 6, { Fuel: 'Gas' }],
      ['STOVE-2', 4900, 2, { Fuel: 'Multi' }],
    ]);
    const lantern = await db.query.products.findFirst({
      where: eq(products.slug, 'lantern'),
      with: { variants: true, images: true },
    });
    expect(lantern?.variants[0]?.price).toBe(9900);
    expect(lantern?.images.length).toBeGreaterThan(0);
    expect(await db.$count(auditLog, eq(auditLog.action, 'product.imported'))).toBe(1);

    // The same file again: the same catalog.
    const after = await fingerprint();
    const again = await checkCatalogImport(deps(), { name: 'edited.csv', bytes: file });
    expect((await getCatalogImport(db, again.id)).report.create).toBe(0);
    await startCatalogImport(deps(), again.id);
    await continueCatalogImports(deps(), 60_000);
    expect((await getCatalogImport(db, again.id)).status).toBe('applied');
    expect(await fingerprint()).toEqual(after);
  });

  it('imports 1,000 variant rows in batches of 50 products, one per call, as the scheduled run would', async () => {
    const rows = [];
    for (let p = 0; p < 200; p++) {
      for (let v = 0; v < 5; v++) {
        rows.push({
          Handle: `bulk-${p}`,
          ...(v === 0 ? { Title: `Bulk item ${p}`, Status: 'active' } : {}),
          'Option1 Name': 'Size',
          'Option1 Value': `S${v}`,
          'Variant SKU': `BULK-${p}-${v}`,
          'Variant Price': `${(10 + (p % 50)).toFixed(2)}`,
          'Variant Inventory Qty': String(v),
        });
      }
    }
    const { id, status } = await checkCatalogImport(deps(), {
      name: 'bulk.csv',
      bytes: encode(toCsv(rows)),
    });
    expect(status).toBe('ready');
    await startCatalogImport(deps(), id);
    const batches: number[] = [];
    let progress = { applied: 0, total: 1, status: 'applying' };
    while (progress.status === 'applying') {
      const started = performance.now();
      progress = await applyCatalogImport(deps(), id, 0);
      batches.push(performance.now() - started);
    }
    expect(progress).toEqual({ applied: 200, total: 200, status: 'applied' });
    expect(batches).toHaveLength(4);
    expect(await db.$count(productVariants, sql`${productVariants.sku} like 'BULK-%'`)).toBe(1_000);
    const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
    expect(row?.finishedAt).toEqual(now);
  });
});
