export { exportCatalogCsv } from './export-catalog.ts';
export {
  applyCatalogImport,
  type CatalogImportDeps,
  checkCatalogImport,
  continueCatalogImports,
  getCatalogImport,
  IMPORT_RETENTION_MS,
  type ImportReport,
  listCatalogImports,
  startCatalogImport,
} from './import-catalog.ts';
export {
  IMPORT_BYTES_MAX,
  IMPORT_ROWS_MAX,
  type ImportProblem,
  type ImportProduct,
  readCatalogCsv,
} from './read-catalog-csv.ts';
export {
  type CsvRow,
  SHOPIFY_COLUMNS,
  safeCell,
  toCsv,
  unescapeCell,
} from './shopify-csv.ts';
