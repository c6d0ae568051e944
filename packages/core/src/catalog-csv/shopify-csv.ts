/**
 * The catalog as Shopify's product CSV lays it out, the file merchants
 * already have: one row per variant, the product's own fields on its first
 * row, and extra rows for images beyond the variants. Edgecart adds two
 * columns Shopify's importer ignores: `Collections` and `Variant Price
 * Currency`. Pure (no database): export and import share it.
 */

import { minorDigits } from '../money.ts';

export const SHOPIFY_COLUMNS = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Fulfillment Service',
  'Variant Price',
  'Variant Requires Shipping',
  'Variant Taxable',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Variant Weight Unit',
  'Variant Tax Code',
  'Status',
  'Collections',
  'Variant Price Currency',
] as const;

export type ShopifyColumn = (typeof SHOPIFY_COLUMNS)[number];
export type CsvRow = Partial<Record<ShopifyColumn, string>>;

/** Minor units as Shopify writes a price: "12.50". */
export function priceText(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or
 * return first) gets a leading apostrophe, which spreadsheets show as text
 * (OWASP's CSV injection advice); the import takes it off again.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell the export escaped, as it was. */
export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** One CSV field: quoted when it holds a quote, a comma or a line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The rows as a CSV file: the header, then each row, CRLF line ends, every cell escaped. */
export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [SHOPIFY_COLUMNS.map(field).join(',')];
  for (const row of rows) {
    lines.push(SHOPIFY_COLUMNS.map((column) => field(safeCell(row[column] ?? ''))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const html = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A product in the export's terms. */
export interface ExportProduct {
  slug: string;
  title: string;
  description: string;
  status: 'active' | 'draft' | 'archived';
  currency: string;
  requiresShipping: boolean;
  taxCode: string | null;
  collections: string[];
  variants: {
    sku: string;
    options: Record<string, string>;
    price: number;
    stock: number;
    weightGrams: number;
  }[];
  images: { url: string; alt: string }[];
}

/** A product's rows: one per variant (the first with the product's fields), then its other images. */
export function productRows(product: ExportProduct, origin: string): CsvRow[] {
  const optionNames = [...new Set(product.variants.flatMap((v) => Object.keys(v.options)))].slice(
    0,
    3,
  );
  const image = (i: number): CsvRow => {
    const img = product.images[i];
    return img
      ? {
          'Image Src': new URL(img.url, origin).href,
          'Image Position': String(i + 1),
          'Image Alt Text': img.alt,
        }
      : {};
  };
  const productFields: CsvRow = {
    Title: product.title,
    'Body (HTML)': product.description ? `<p>${html(product.description)}</p>` : '',
    Published: product.status === 'active' ? 'TRUE' : 'FALSE',
    Status: product.status,
    Collections: product.collections.join(', '),
  };
  const rows: CsvRow[] = product.variants.map((variant, i) => {
    const options: CsvRow = {};
    optionNames.forEach((name, n) => {
      const key = `Option${n + 1}` as 'Option1' | 'Option2' | 'Option3';
      if (i === 0) options[`${key} Name`] = name;
      options[`${key} Value`] = variant.options[name] ?? '';
    });
    if (optionNames.length === 0 && i === 0) {
      options['Option1 Name'] = 'Title';
      options['Option1 Value'] = 'Default Title';
    }
    return {
      Handle: product.slug,
      ...(i === 0 ? productFields : {}),
      ...options,
      'Variant SKU': variant.sku,
      'Variant Grams': String(variant.weightGrams),
      'Variant Inventory Tracker': 'shopify',
      'Variant Inventory Qty': String(variant.stock),
      'Variant Inventory Policy': 'deny',
      'Variant Fulfillment Service': 'manual',
      'Variant Price': priceText(variant.price, product.currency),
      'Variant Requires Shipping': product.requiresShipping ? 'TRUE' : 'FALSE',
      'Variant Taxable': 'TRUE',
      'Variant Weight Unit': 'g',
      'Variant Tax Code': product.taxCode ?? '',
      'Variant Price Currency': product.currency,
      ...image(i),
    };
  });
  if (rows.length === 0) {
    // No variant yet: the product's fields alone, so that it is not lost.
    rows.push({ Handle: product.slug, ...productFields, ...image(0) });
  }
  for (let i = Math.max(1, product.variants.length); i < product.images.length; i++) {
    rows.push({ Handle: product.slug, ...image(i) });
  }
  return rows;
}
