import { z } from 'zod';

/** The database settings; the web app's env.ts spreads these into its own. */
export const dbEnvShape = {
  /** Postgres URL for the Neon driver; the embedded PGlite database is used when unset. */
  DATABASE_URL: z.url().optional(),
  /** `host:port` of the dev-services WebSocket proxy, to reach a plain local PostgreSQL. */
  NEON_LOCAL_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'NEON_LOCAL_PROXY is host:port')
    .optional(),
  /** Where PGlite keeps its data (relative to the working folder), or memory:// for none. */
  // Under node_modules/.cache: next dev's file watcher would see every write
  // to a folder elsewhere in the repository and reload the open pages, endlessly.
  PGLITE_DATA_DIR: z.string().min(1).default('../../node_modules/.cache/edgecart/pglite'),
};

const schema = z.object(dbEnvShape);

export type DbEnv = z.infer<typeof schema>;

/** The database package's settings, for its scripts (the web app has its own env.ts). */
export function readDbEnv(source: Record<string, string | undefined>): DbEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success)
    throw new Error(`Invalid database settings:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** CI runners set CI (GitHub Actions: CI=true); `false` or `0` mean no. */
function onCi(source: Record<string, string | undefined>): boolean {
  const ci = source.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * The settings of the migrate and seed scripts. On CI they refuse to run without
 * DATABASE_URL: an empty secret would otherwise migrate a throwaway PGlite and exit 0.
 */
export function readScriptDbEnv(source: Record<string, string | undefined>): DbEnv {
  const env = readDbEnv(source);
  if (!env.DATABASE_URL && onCi(source)) {
    throw new Error(
      'DATABASE_URL is not set (or empty) and CI is set: refusing to fall back to the embedded PGlite database on CI. Check the DATABASE_URL secret of this workflow.',
    );
  }
  return env;
}
