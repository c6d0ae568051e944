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
type Thenable = { then: PromiseLike<unknown>['then'] };

/**
 * The database for one request in a Worker, where connections are the scarce
 * resource. One-shot queries go over Neon's HTTP query path: no connection is
 * opened or kept, and the endpoint multiplexes them onto a bounded pool.
 * `transaction()` opens one WebSocket connection for the transaction alone and
 * closes it when the transaction ends; a request runs one transaction at a
 * time, so it never holds more than one connection.
 */
export function createNeonRequestDb(options: NeonRequestOptions): Database {
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (options.localProxy) registerLocalHttpEndpoint(options.connectionString, options.localProxy);
  const http = neon(options.connectionString);
  const withTimeout = <T extends object>(config: T | undefined) => ({
    ...config,
    fetchOptions: { signal: AbortSignal.timeout(timeoutMs) },
  });
  /**
   * Reports a query's failure when it is awaited, leaving the query itself as
   * the driver made it: lazy, and still a query that a batch can take.
   */
  const reporting = <Q extends Thenable>(query: Q): Q => {
    const then = query.then.bind(query);
    // biome-ignore lint/suspicious/noThenProperty: the driver's query is a lazy thenable; hooking its own `then` keeps it lazy and batchable.
    query.then = (onFulfilled, onRejected) =>
      then(undefined, (error: unknown) => {
        options.onError?.(error);
        throw error;
      }).then(onFulfilled, onRejected);
    return query;
  };
  // drizzle calls `query` and `transaction` (its batch); each call gets its own deadline.
  const client = {
    query: (text: string, params: unknown[], config?: Parameters<HttpClient['query']>[2]) =>
      reporting(http.query(text, params, withTimeout(config))),
    transaction: (queries: Parameters<HttpClient['transaction']>[0], config?: object) =>
      reporting(http.transaction(queries as never, withTimeout(config))),
  } as unknown as HttpClient;
  const db = drizzleHttp({ client, schema, casing: 'snake_case' });

  let inTransaction = false;
  const transaction = async <T>(
    run: Parameters<Database['transaction']>[0],
    config?: Parameters<Database['transaction']>[1],
  ): Promise<T> => {
    if (inTransaction) {
      throw new Error(
        'A request runs one transaction at a time: do nested work through `tx`, and run transactions one after another.',
      );
    }
    inTransaction = true;
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
      options.onError?.(error);
      throw error;
    } finally {
      inTransaction = false;
      // A client whose socket already died may never finish `end()`: wait a moment at most.
      await Promise.race([
        connection.end().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 1_000)),
      ]);
    }
  };
  return Object.assign(db, { transaction }) as unknown as Database;
}
