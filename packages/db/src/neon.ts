import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { DatabaseHandle } from './database.ts';
import * as schema from './schema/index.ts';

export interface NeonOptions {
  connectionString: string;
  /**
   * `host:port` of a local WebSocket→TCP proxy (dev-services), for a plain
   * PostgreSQL server instead of Neon. Unset in production.
   */
  localProxy?: string | undefined;
  /** Only where there is no global WebSocket (Node < 22). */
  webSocketConstructor?: typeof neonConfig.webSocketConstructor;
  max?: number;
  /** How long an unused connection stays open; pg-pool's default is 10 s. */
  idleTimeoutMillis?: number;
}

export interface NeonHandle extends DatabaseHandle {
  /**
   * Resolves once the pool has opened a connection and every connection has
   * since gone idle and closed, then ends the pool: for runtimes (Workers) where
   * a pool lives for one request and must not outlive it.
   */
  closeWhenIdle: () => Promise<void>;
}

/** Neon serverless Postgres over WebSockets: the production driver, with transactions. */
export function createNeonDb(options: NeonOptions): NeonHandle {
  if (options.webSocketConstructor) neonConfig.webSocketConstructor = options.webSocketConstructor;
  if (options.localProxy) {
    const proxy = options.localProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 5,
    idleTimeoutMillis: options.idleTimeoutMillis,
  });
  // A connection that drops while idle (server restart, network) is discarded
  // by the pool; without a listener the 'error' event would crash the process.
  pool.on('error', (error: Error) => {
    console.error(
      JSON.stringify({ level: 'warn', msg: 'idle database connection lost', error: error.message }),
    );
  });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  let ended = false;
  const close = async () => {
    if (ended) return;
    ended = true;
    await pool.end();
  };
  const idle = new Promise<void>((resolve) => {
    pool.on('remove', () => {
      if (pool.totalCount === 0) resolve();
    });
  });
  return { db, close, closeWhenIdle: () => idle.then(close) };
}
