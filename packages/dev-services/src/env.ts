/** The one place dev-services reads the environment (see .env.example, "Tests"). */
export const devServicesEnv = {
  /** A PostgreSQL to use instead of starting one (a CI service container). */
  TEST_POSTGRES_URL: process.env.TEST_POSTGRES_URL || undefined,
  /** Folder with initdb, pg_ctl and postgres. */
  PG_BIN_DIR: process.env.PG_BIN_DIR || undefined,
  /** A Redis to use instead of starting redis-server. */
  TEST_REDIS_URL: process.env.TEST_REDIS_URL || undefined,
  /** The redis-server binary. */
  REDIS_SERVER: process.env.REDIS_SERVER || 'redis-server',
};
