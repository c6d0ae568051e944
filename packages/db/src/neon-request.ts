import { Client, neon } from '@neondatabase/serverless';
import { drizzle as drizzleHttp } from 'drizzle-orm/neon-http';
import { drizzle as drizzleWs } from 'drizzle-orm/neon-serverless';
import type { Database } from './database.ts';
import {
  configureClient,
  type NeonLocalSettings,
  registerLocalHttpEndpoint,
} from './neon-settings.ts';
import * as schema from './schema/index.ts';

export interface NeonRequestOptions extends NeonLocalSettings {
  connectionString: string;
  /** Per query over HTTP, and for opening a transaction's connection; 5 s by default. */
  timeoutMs?: number;
  /** Told of every failed query, before the error reaches the caller. */
  onError?: (error: unknown) => void;
}

type HttpClient = ReturnType<typeof neon>;

/**
 * The database for one request in a Worker, where connections are the scarce
 * resource. One-shot queries go over Neon's HTTP query path: no connection is
 * opened or kept, and the endpoint multiplexes them onto a bounded pool.
 * `transaction()` opens one WebSocket connection for the transaction alone and
 * closes it when the transaction ends, so a request never holds more than the
 * transactions it is running.
 */
export function createNeonRequestDb(options: NeonRequestOptions): Database {
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (options.localProxy) registerLocalHttpEndpoint(options.connectionString, options.localProxy);
  const report = (error: unknown) => {
    options.onError?.(error);
    throw error;
  };
  const http = neon(options.connectionString);
  const withTimeout = <T extends object>(config: T | undefined) => ({
    ...config,
    fetchOptions: { signal: AbortSignal.timeout(timeoutMs) },
  });
  // drizzle calls `query` and `transaction`; each call gets its own deadline.
  const client = {
    query: (text: string, params: unknown[], config?: Parameters<HttpClient['query']>[2]) =>
      http.query(text, params, withTimeout(config)).catch(report),
    transaction: (queries: Parameters<HttpClient['transaction']>[0], config?: object) =>
      http.transaction(queries as never, withTimeout(config)).catch(report),
  } as unknown as HttpClient;
  const db = drizzleHttp({ client, schema, casing: 'snake_case' });

  const transaction = async <T>(
    run: Parameters<Database['transaction']>[0],
    config?: Parameters<Database['transaction']>[1],
  ): Promise<T> => {
    const connection = new Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: timeoutMs,
    });
    configureClient(connection, options);
    // A connection that fails after the transaction has ended has nobody to tell.
    connection.on('error', () => {});
    try {
      await connection.connect();
      const ws = drizzleWs({ client: connection, schema, casing: 'snake_case' });
      return (await ws.transaction(run as Parameters<typeof ws.transaction>[0], config)) as T;
    } catch (error) {
      return report(error);
    } finally {
      await connection.end().catch(() => {});
    }
  };
  return Object.assign(db, { transaction }) as unknown as Database;
}
