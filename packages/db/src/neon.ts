import { Client, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { DatabaseHandle } from './database.ts';
import { configureClient, type NeonLocalSettings } from './neon-settings.ts';
import * as schema from './schema/index.ts';

export interface NeonOptions extends NeonLocalSettings {
  connectionString: string;
  max?: number;
  /** How long an unused connection stays open; pg-pool's default is 10 s. */
  idleTimeoutMillis?: number;
  /** How long to wait for a connection before failing; 5 s by default. */
  connectionTimeoutMillis?: number;
}

/** A Neon client class whose instances carry these settings, for a pool to create. */
export function configuredClientClass(settings: NeonLocalSettings): typeof Client {
  return class ConfiguredClient extends Client {
    constructor(...args: ConstructorParameters<typeof Client>) {
      super(...args);
      configureClient(this, settings);
    }
  };
}

/**
 * Neon serverless Postgres over WebSockets with a pool: for long-lived Node
 * processes (next dev or next start on DATABASE_URL, scripts). Workers use
 * `createNeonRequestDb` instead, which holds no connection between queries.
 */
export function createNeonDb(options: NeonOptions): DatabaseHandle {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 5,
    idleTimeoutMillis: options.idleTimeoutMillis,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
  });
  // The driver's Pool fixes its client class in a field; swap in one with our settings.
  Object.assign(pool, { Client: configuredClientClass(options) });
  // A connection that drops while idle (server restart, network) is discarded
  // by the pool; without a listener the 'error' event would crash the process.
  pool.on('error', (error: Error) => {
    console.error(
      JSON.stringify({ level: 'warn', msg: 'idle database connection lost', error: error.message }),
    );
  });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  let ended = false;
  return {
    db,
    close: async () => {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}
