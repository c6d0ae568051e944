import { parse } from 'csv-parse/sync';
import { MAX_STOCK } from '../admin/stock-adjustment.ts';
import { minorDigits } from '../money.ts';
import { type ShopifyColumn, unescapeCell } from './shopify-csv.ts';

/** A problem in the file, where a spreadsheet shows it: line 1 is the header. */
export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

/** A product as the file describes it, ready to be created or updated by its handle. */
export interface ImportProduct {
  /** The line of its first row. */
  line: number;
  handle: string;
  /** Absent on the file: kept as they are for a product that exists. */
  title: string | null;
  description: string | null;
  status: 'active' | 'draft' | 'archived' | null;
  currency: string;
  requiresShipping: boolean | null;
  taxCode: string | null;
  /** Collection titles or slugs; null when the column is absent. */
  collections: string[] | null;
  variants: {
    line: number;
    sku: string;
    options: Record<string, string>;
    price: number;
    stock: number | null;
    weightGrams: number | null;
  }[];
  images: { line: number; url: string; alt: string }[];
}

/** The most rows one file may have: 10,000 variants, with room for image rows. */
export const IMPORT_ROWS_MAX = 20_000;

/** The largest file taken. */
export const IMPORT_BYTES_MAX = 8 * 1024 * 1024;

const REQUIRED: ShopifyColumn[] = ['Handle', 'Variant SKU', 'Variant Price'];

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What the shop's own SKUs look like (the seed's have slashes: WG-28-S/M). */
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** "12.50" in a currency's minor units, or null when it is not a price. */
function parsePrice(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(-?)(\d{1,9})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  const minor =
    Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  return sign ? -minor : minor;
}

const flag = (text: string) => {
  const value = text.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
};

/**
 * Reads a catalog in Shopify's product CSV layout (the export's, or
 * Shopify's own) into products by handle, with every problem found by line
 * and column: a file that is not UTF-8, a missing column, a handle or SKU
 * that is not one, a SKU twice, a negative or malformed price, a product with
 * two currencies, a bad stock count. Pure: what the database holds (SKUs of
 * other products, collections, images) is checked by the import.
 */
export function readCatalogCsv(bytes: Uint8Array): {
  products: ImportProduct[];
  problems: ImportProblem[];
  rows: number;
} {
  const problems: ImportProblem[] = [];
  const fail = (message: string, line = 1, column: string | null = null) => ({
    products: [],
    problems: [{ line, column, message }],
    rows: 0,
  });
  if (bytes.byteLength > IMPORT_BYTES_MAX) {
    return fail(`The file is larger than ${IMPORT_BYTES_MAX / 1024 / 1024} MB: split it.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      'The file is not UTF-8 text. Save it as "CSV UTF-8" (Excel) or export it again from Shopify or Edgecart.',
    );
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return fail(`The file is not valid CSV: ${(error as Error).message.split('\n')[0]}`, line);
  }
  const [header = [], ...data] = records;
  if (data.length > IMPORT_ROWS_MAX) {
    return fail(`The file has ${data.length} rows; an import takes at most ${IMPORT_ROWS_MAX}.`);
  }
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    return {
      products: [],
      rows: data.length,
      problems: missing.map((column) => ({
        line: 1,
        column,
        message: `The column "${column}" is missing: the file needs Shopify's product CSV header.`,
      })),
    };
  }
  const has = (column: ShopifyColumn) => index.has(column);
  const products = new Map<string, ImportProduct>();
  const skuLines = new Map<string, number>();
  /** Handles with a row that meant a variant, even a refused one. */
  const withVariantRows = new Set<string>();
  data.forEach((record, i) => {
    const line = i + 2;
    const cell = (column: ShopifyColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : unescapeCell(record[at] ?? '').trim();
    };
    const problem = (column: ShopifyColumn | null, message: string) =>
      problems.push({ line, column, message });
    const handle = cell('Handle');
    if (!HANDLE.test(handle)) {
      problem(
        'Handle',
        handle
          ? `"${handle}" is not a handle: lower-case letters, digits and dashes.`
          : 'The handle is empty.',
      );
      return;
    }
    let product = products.get(handle);
    const currency = (cell('Variant Price Currency') || product?.currency || 'USD').toUpperCase();
    if (!product) {
      const status = cell('Status').toLowerCase();
      const published = flag(cell('Published'));
      product = {
        line,
        handle,
        title: cell('Title') || null,
        description: has('Body (HTML)') ? plainText(cell('Body (HTML)')) : null,
        status:
          status === 'active' || status === 'draft' || status === 'archived'
            ? status
            : published === null
              ? null
              : published
                ? 'active'
                : 'draft',
        currency,
        requiresShipping: has('Variant Requires Shipping')
          ? flag(cell('Variant Requires Shipping'))
          : null,
        taxCode: cell('Variant Tax Code') || null,
        collections: has('Collections')
          ? cell('Collections')
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean)
          : null,
        variants: [],
        images: [],
      };
      if (status && !['active', 'draft', 'archived'].includes(status)) {
        problem('Status', `"${cell('Status')}" is not a status: active, draft or archived.`);
      }
      if (!/^[A-Z]{3}$/.test(currency)) {
        problem('Variant Price Currency', `"${currency}" is not a currency code, like USD.`);
      }
      if (product.taxCode && !/^txcd_\d{8}$/.test(product.taxCode)) {
        problem(
          'Variant Tax Code',
          `"${product.taxCode}" is not a Stripe tax code (txcd_ and eight digits).`,
        );
      }
      products.set(handle, product);
    } else if (cell('Variant Price Currency') && currency !== product.currency) {
      problem(
        'Variant Price Currency',
        `${handle} is priced in ${product.currency} on line ${product.line}: a product has one currency.`,
      );
    }
    const src = cell('Image Src');
    if (src) {
      if (!URL.canParse(src) || !/^https?:$/.test(new URL(src).protocol)) {
        problem('Image Src', `"${src}" is not an http(s) address.`);
      } else {
        product.images.push({ line, url: src, alt: cell('Image Alt Text') });
      }
    }
    const sku = cell('Variant SKU');
    const priceText = cell('Variant Price');
    if (!sku && !priceText) return; // An image row.
    withVariantRows.add(handle);
    if (!SKU.test(sku) || sku.length > 64) {
      problem(
        'Variant SKU',
        sku
          ? `"${sku}" is not a SKU: letters, digits, dots, dashes, slashes and underscores.`
          : 'The SKU is empty.',
      );
      return;
    }
    const seen = skuLines.get(sku);
    if (seen) {
      problem('Variant SKU', `The SKU ${sku} is on line ${seen} already.`);
      return;
    }
    skuLines.set(sku, line);
    const price = parsePrice(priceText, product.currency);
    if (price === null) {
      problem('Variant Price', `"${priceText}" is not a price, like 12.50.`);
      return;
    }
    if (price < 0) {
      problem('Variant Price', `The price ${priceText} is negative.`);
      return;
    }
    if (price > 100_000_000) {
      problem('Variant Price', `The price ${priceText} is above what the shop takes.`);
      return;
    }
    const whole = (column: ShopifyColumn, max: number) => {
      const value = cell(column);
      if (!value) return null;
      if (!/^\d+$/.test(value) || Number(value) > max) {
        problem(column, `"${value}" is not a whole number from 0 to ${max}.`);
        return null;
      }
      return Number(value);
    };
    const options: Record<string, string> = {};
    for (const n of [1, 2, 3] as const) {
      const name =
        cell(`Option${n} Name`) || Object.keys(product.variants[0]?.options ?? {})[n - 1] || '';
      const value = cell(`Option${n} Value`);
      if (name && value && !(name === 'Title' && value === 'Default Title')) options[name] = value;
    }
    product.variants.push({
      line,
      sku,
      options,
      price,
      stock: whole('Variant Inventory Qty', MAX_STOCK),
      weightGrams: whole('Variant Grams', 1_000_000),
    });
  });
  for (const product of products.values()) {
    if (!withVariantRows.has(product.handle)) {
      problems.push({
        line: product.line,
        column: 'Variant SKU',
        message: `${product.handle} has no variant: a product needs a SKU and a price.`,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { products: [...products.values()], problems, rows: data.length };
}

/** Shopify's "Body (HTML)" as the plain text the shop keeps. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
