/** The one place dev-services reads the environment (see .env.example, "Tests"). */
export const devServicesEnv = {
  /** Folder with initdb, pg_ctl and postgres. */
  PG_BIN_DIR: process.env.PG_BIN_DIR || undefined,
  /** The redis-server binary. */
  REDIS_SERVER: process.env.REDIS_SERVER || 'redis-server',
  /** The Chromium the browser tests drive (chromium.ts). */
  CHROMIUM_PATH: process.env.CHROMIUM_PATH || undefined,
};
