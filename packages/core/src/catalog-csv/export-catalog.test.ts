import { products } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { seedCatalog } from '@edgecart/db/seed';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCatalogCsv } from './export-catalog.ts';
import { SHOPIFY_COLUMNS, safeCell, toCsv, unescapeCell } from './shopify-csv.ts';

describe('the catalog as Shopify product CSV', () => {
  it('exports every product and variant with prices, stock, weights, collections and images', async () => {
    const { db, close } = await createPgliteDb();
    try {
      const seeded = await seedCatalog(db);
      const csv = await exportCatalogCsv(db, 'https://shop.example');
      const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
      expect(Object.keys(rows[0] ?? {})).toEqual([...SHOPIFY_COLUMNS]);
      // One row per variant, and each product's first row carries its title.
      const variantRows = rows.filter((r) => r['Variant SKU']);
      expect(variantRows).toHaveLength(seeded.variants);
      expect(new Set(rows.filter((r) => r.Title).map((r) => r.Handle)).size).toBe(seeded.products);
      const lantern = rows.filter((r) => r.Handle === 'lantern');
      expect(lantern[0]).toMatchObject({
        Title: expect.stringMatching(/Lantern/),
        Published: 'TRUE',
        Status: 'active',
        'Variant Price Currency': 'USD',
        'Variant Inventory Tracker': 'shopify',
        'Image Src': expect.stringMatching(
          /^https:\/\/shop\.example\/images\/products\/lantern-1\.svg$/,
        ),
      });
      expect(lantern[0]?.['Variant Price']).toMatch(/^\d+\.\d\d$/);
      expect(Number(lantern[0]?.['Variant Grams'])).toBeGreaterThan(0);
      expect(lantern[0]?.Collections).not.toBe('');
    } finally {
      await close();
    }
  });

  it('escapes cells a spreadsheet would run as formulas, and reads them back as they were', async () => {
    for (const value of ['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', '\tx']) {
      expect(safeCell(value).startsWith("'")).toBe(true);
      expect(unescapeCell(safeCell(value))).toBe(value);
    }
    expect(safeCell('Lantern, "big"')).toBe('Lantern, "big"');
    const csv = toCsv([{ Handle: 'x', Title: '=cmd|" /C calc"!A0', 'Body (HTML)': 'a\nb' }]);
    const [row]: Record<string, string>[] = parse(csv, { columns: true });
    expect(row?.Title).toBe(`'=cmd|" /C calc"!A0`);
    expect(row?.['Body (HTML)']).toBe('a\nb');
    const { db, close } = await createPgliteDb();
    try {
      await db.insert(products).values({ slug: 'formula', title: '=1+1', currency: 'USD' });
      const exported = await exportCatalogCsv(db, 'https://shop.example');
      expect(exported).toContain(`formula,'=1+1,`);
    } finally {
      await close();
    }
  });
});
