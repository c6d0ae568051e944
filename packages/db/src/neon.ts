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
}

/** Neon serverless Postgres over WebSockets: the production driver, with transactions. */
export function createNeonDb(options: NeonOptions): DatabaseHandle {
  if (options.webSocketConstructor) neonConfig.webSocketConstructor = options.webSocketConstructor;
  if (options.localProxy) {
    const proxy = options.localProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: options.connectionString, max: options.max ?? 5 });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  return { db, close: () => pool.end() };
}
