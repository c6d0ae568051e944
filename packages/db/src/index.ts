export {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  notExists,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
export type { Database, DatabaseHandle, Schema } from './database.ts';
export { type DatabaseErrorKind, databaseErrorKind, sqlState } from './errors.ts';
export { migrate } from './migrate.ts';
export * from './schema/index.ts';
