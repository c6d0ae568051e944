export { exportCatalogCsv } from './export-catalog.ts';
export {
  type CsvRow,
  SHOPIFY_COLUMNS,
  safeCell,
  toCsv,
  unescapeCell,
} from './shopify-csv.ts';
