/**
 * How core reads the metrics: one SQL query of Workers Analytics Engine's
 * dialect, answered as rows (`FORMAT JSON`'s `data`). The app's adapter posts
 * it to the SQL API, or to the local stand-in; values may be strings (UInt64)
 * or numbers, so readers go through `numberOf`.
 */
export interface AnalyticsReader {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** The SQL API refused or failed a query: the reason as it said it. */
export class AnalyticsQueryError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AnalyticsQueryError';
  }
}

/** A count (UInt64, sent as a string) or a float (sent as a number); null or NaN reads as 0. */
export function numberOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** A dataset name safe to put in a query: the names wrangler.jsonc binds. */
export function datasetName(name: string): string {
  if (!/^[a-z0-9_]{1,64}$/.test(name)) {
    throw new Error(`not a dataset name: ${JSON.stringify(name)} (lower case, digits and _)`);
  }
  return name;
}
