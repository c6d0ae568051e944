import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';

export type SqlPools = Map<string, pg.Pool>;

interface SqlContext {
  postgres: { host: string; port: number };
  pools: SqlPools;
  poolSize: number;
}

interface SqlQuery {
  query: string;
  params: unknown[];
}

/** Neon's raw text output: every value as PostgreSQL's text; the driver parses by type. */
const rawText = { getTypeParser: () => (value: string) => value };

const ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

const ISOLATION: Record<string, string> = {
  ReadUncommitted: 'read uncommitted',
  ReadCommitted: 'read committed',
  RepeatableRead: 'repeatable read',
  Serializable: 'serializable',
};

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function isQuery(value: unknown): value is SqlQuery {
  if (typeof value !== 'object' || value === null) return false;
  const { query, params } = value as Partial<SqlQuery>;
  return typeof query === 'string' && (params === undefined || Array.isArray(params));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A pool per connection string, which must name the stand-in's own server. */
function poolFor(connectionString: string | undefined, context: SqlContext): pg.Pool | string {
  if (!connectionString) return 'the Neon-Connection-String header is required';
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return 'the Neon-Connection-String header is not a URL';
  }
  if (Number(url.port || 5432) !== context.postgres.port) {
    return `this stand-in leads only to the server on port ${context.postgres.port}`;
  }
  let pool = context.pools.get(connectionString);
  if (!pool) {
    pool = new pg.Pool({
      host: context.postgres.host,
      port: context.postgres.port,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
      max: context.poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 10_000,
    });
    pool.on('error', () => {});
    context.pools.set(connectionString, pool);
  }
  return pool;
}

async function run(client: pg.Pool | pg.PoolClient, { query, params }: SqlQuery) {
  const result = await client.query({
    text: query,
    values: params ?? [],
    rowMode: 'array',
    types: rawText,
  });
  return {
    command: result.command,
    rowCount: result.rowCount ?? 0,
    rows: result.rows,
    fields: result.fields.map((f) => ({ ...f, format: 'text' })),
    rowAsArray: true,
  };
}

async function runBatch(pool: pg.Pool, queries: SqlQuery[], headers: IncomingMessage['headers']) {
  const modes = [
    ISOLATION[String(headers['neon-batch-isolation-level'])] ?? 'read committed',
    headers['neon-batch-read-only'] === 'true' ? 'read only' : 'read write',
    headers['neon-batch-deferrable'] === 'true' ? 'deferrable' : 'not deferrable',
  ];
  const client = await pool.connect();
  try {
    await client.query(`begin isolation level ${modes.join(', ')}`);
    const results = [];
    for (const query of queries) results.push(await run(client, query));
    await client.query('commit');
    return { results };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Neon's SQL-over-HTTP endpoint: `POST /sql` with `{query, params}` or
 * `{queries: [...]}`, replies in the shape the driver parses. A PostgreSQL
 * error answers 400 with its fields; an unreachable server answers 503.
 */
export async function handleSqlOverHttp(
  request: IncomingMessage,
  response: ServerResponse,
  context: SqlContext,
): Promise<void> {
  if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://x').pathname !== '/sql') {
    return send(response, 404, { message: 'POST /sql only' });
  }
  const pool = poolFor(request.headers['neon-connection-string'] as string | undefined, context);
  if (typeof pool === 'string') return send(response, 400, { message: pool });
  let body: unknown;
  try {
    body = await readBody(request);
  } catch {
    return send(response, 400, { message: 'the body is not JSON' });
  }
  try {
    if (isQuery(body)) return send(response, 200, await run(pool, body));
    const queries = (body as { queries?: unknown } | null)?.queries;
    if (Array.isArray(queries) && queries.every(isQuery)) {
      return send(response, 200, await runBatch(pool, queries, request.headers));
    }
    return send(response, 400, { message: 'expected {query, params} or {queries}' });
  } catch (error) {
    if (error instanceof pg.DatabaseError) {
      const fields = Object.fromEntries(ERROR_FIELDS.map((name) => [name, error[name]]));
      return send(response, 400, { message: error.message, ...fields });
    }
    response.writeHead(503, { 'content-type': 'text/plain' });
    response.end(`could not reach PostgreSQL: ${error instanceof Error ? error.message : error}`);
  }
}
