import { createServer, type ServerResponse } from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { AnalyticsSqlError, DATASET_NAME, parseAnalyticsSql } from './analytics-sql.ts';
import { listenLocal } from './listen-local.ts';
import { readBody } from './read-body.ts';

/** One data point, as a Worker hands it to `writeDataPoint`. */
export interface DataPoint {
  indexes?: (string | null)[];
  blobs?: (string | null)[];
  doubles?: number[];
}

export interface AnalyticsEngineStandIn {
  /** Base URL: data points go to `${url}/write/<dataset>`, queries to the SQL API's path. */
  url: string;
  accountId: string;
  apiToken: string;
  /** The SQL API's address, as `https://api.cloudflare.com/client/v4/accounts/<id>/analytics_engine/sql`. */
  sqlUrl: string;
  /** Data points stored so far in a dataset. */
  count: (dataset: string) => Promise<number>;
  close: () => Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
/** What Cloudflare keeps: three months. And a bound, so a long dev session cannot grow without end. */
const KEEP_DAYS = 92;
const MAX_ROWS = 500_000;

const columns = [
  'dataset text NOT NULL',
  'timestamp timestamptz NOT NULL',
  '_sample_interval integer NOT NULL DEFAULT 1',
  "index1 text NOT NULL DEFAULT ''",
  ...Array.from({ length: 20 }, (_, i) => `blob${i + 1} text NOT NULL DEFAULT ''`),
  ...Array.from({ length: 20 }, (_, i) => `double${i + 1} double precision NOT NULL DEFAULT 0`),
];

/**
 * The checks workerd makes in `writeDataPoint` (analytics-engine-impl.h), with
 * its messages: a point the real binding would throw on is refused here too.
 */
export function dataPointProblem(point: DataPoint): string | null {
  const blobs = point.blobs ?? [];
  const doubles = point.doubles ?? [];
  const indexes = point.indexes ?? [];
  if (blobs.length > 20) return 'writeDataPoint(): Maximum of 20 blobs supported.';
  if (doubles.length > 20) return 'writeDataPoint(): Maximum of 20 doubles supported.';
  if (indexes.length > 1) return 'writeDataPoint(): Maximum of 1 indexes supported.';
  const index = indexes[0];
  if (index && new TextEncoder().encode(index).length > 96) {
    return 'writeDataPoint(): Size of indexes[0] exceeds 96 bytes.';
  }
  const blobBytes = blobs.reduce((sum, b) => sum + (b ? new TextEncoder().encode(b).length : 0), 0);
  if (blobBytes > 16 * 1024) return 'writeDataPoint(): Total size of blobs exceeds 16 KB.';
  if (doubles.some((d) => typeof d !== 'number' || !Number.isFinite(d))) {
    return 'writeDataPoint(): doubles must be finite numbers.';
  }
  if (blobs.some((b) => b !== null && typeof b !== 'string')) {
    return 'writeDataPoint(): blobs must be strings or null.';
  }
  return null;
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, { 'content-type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** ClickHouse's names for what PostgreSQL answered, and the JSON it writes for each. */
function columnOf(dataTypeID: number): { type: string; value: (v: unknown) => unknown } {
  switch (dataTypeID) {
    case 20: // int8: count() and sum(_sample_interval) are UInt64, written as strings
      return { type: 'UInt64', value: (v) => (v === null ? null : String(v)) };
    case 21:
    case 23:
      return { type: 'Int32', value: (v) => (v === null ? null : Number(v)) };
    case 700:
    case 701:
    case 1700:
      return { type: 'Float64', value: (v) => (v === null ? null : Number(v)) };
    case 16:
      return { type: 'UInt8', value: (v) => (v === null ? null : v ? 1 : 0) };
    case 1114:
    case 1184:
      return {
        type: 'DateTime',
        value: (v) =>
          v instanceof Date
            ? v.toISOString().slice(0, 19).replace('T', ' ')
            : v === null
              ? null
              : String(v),
      };
    default:
      return { type: 'String', value: (v) => (v === null ? null : String(v)) };
  }
}

/**
 * A local stand-in for Workers Analytics Engine: it takes the data points a
 * Worker (or `npm run dev`) would write through its binding, and answers the
 * SQL API (`POST /client/v4/accounts/<id>/analytics_engine/sql`, Bearer
 * token, the query as the body) from an embedded PostgreSQL, rewriting the
 * dialect (analytics-sql.ts). Answers as the API does: `FORMAT JSON` with
 * `meta`, `data`, `rows`; UInt64 values as strings; 422 with the reason for a
 * query it cannot run; 403 with Cloudflare's error for a wrong token.
 */
export async function startAnalyticsEngineStandIn(
  options: { port?: number; accountId?: string; apiToken?: string } = {},
): Promise<AnalyticsEngineStandIn> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db: PGlite = await PGlite.create();
  const accountId = options.accountId ?? 'a0c0000000000000000000000000000e';
  const apiToken = options.apiToken ?? 'local-analytics-token';
  const tables = new Set<string>();

  async function ensureTable(dataset: string) {
    if (tables.has(dataset)) return;
    await db.exec(`CREATE TABLE IF NOT EXISTS "${dataset}" (${columns.join(', ')})`);
    await db.exec(`CREATE INDEX IF NOT EXISTS "${dataset}_time" ON "${dataset}" (timestamp)`);
    tables.add(dataset);
  }

  /** Rows per dataset, counted once when its table is made, then kept up to date here. */
  const rowCounts = new Map<string, number>();
  /** When each dataset's rows past KEEP_DAYS were last removed. */
  const expiredAt = new Map<string, number>();

  async function write(dataset: string, points: DataPoint[]) {
    await ensureTable(dataset);
    const at = new Date();
    const names = [
      'dataset',
      'timestamp',
      'index1',
      ...Array.from({ length: 20 }, (_, i) => `blob${i + 1}`),
      ...Array.from({ length: 20 }, (_, i) => `double${i + 1}`),
    ];
    // One statement per batch: a Worker's points arrive batched (the app's http-dataset.ts).
    const values = points.flatMap((point) => [
      dataset,
      at,
      point.indexes?.[0] ?? '',
      ...Array.from({ length: 20 }, (_, i) => point.blobs?.[i] ?? ''),
      ...Array.from({ length: 20 }, (_, i) => point.doubles?.[i] ?? 0),
    ]);
    const rows = points.map(
      (_, p) => `(${names.map((_, i) => `$${p * names.length + i + 1}`).join(', ')})`,
    );
    await db.query(
      `INSERT INTO "${dataset}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${rows.join(', ')}`,
      values,
    );
    let count = (rowCounts.get(dataset) ?? 0) + points.length;
    // Points older than the API keeps, once a minute rather than on every write.
    if (at.getTime() - (expiredAt.get(dataset) ?? 0) >= 60_000) {
      expiredAt.set(dataset, at.getTime());
      const expired = await db.query(`DELETE FROM "${dataset}" WHERE timestamp < $1`, [
        new Date(at.getTime() - KEEP_DAYS * 86_400_000),
      ]);
      count -= expired.affectedRows ?? 0;
    }
    const excess = count - MAX_ROWS;
    if (excess > 0) {
      const trimmed = await db.query(
        `DELETE FROM "${dataset}" WHERE ctid IN (SELECT ctid FROM "${dataset}" ORDER BY timestamp LIMIT $1)`,
        [excess],
      );
      count -= trimmed.affectedRows ?? 0;
    }
    rowCounts.set(dataset, count);
  }

  async function query(text: string): Promise<{ status: number; body: unknown }> {
    let statement: ReturnType<typeof parseAnalyticsSql>;
    try {
      statement = parseAnalyticsSql(text);
    } catch (error) {
      if (error instanceof AnalyticsSqlError) {
        return { status: 422, body: `Input was invalid: ${error.message}` };
      }
      throw error;
    }
    if (statement.kind === 'show-tables') {
      const data = [...tables].sort().map((name) => ({ dataset: name, type: 'DATASET' }));
      return {
        status: 200,
        body: {
          meta: [
            { name: 'dataset', type: 'String' },
            { name: 'type', type: 'String' },
          ],
          data,
          rows: data.length,
        },
      };
    }
    for (const table of statement.tables) {
      if (!tables.has(table.toLowerCase())) {
        return { status: 422, body: `Input was invalid: unknown table ${table}` };
      }
    }
    try {
      // Read-only, as the API is: a statement that tries to write fails here.
      const result = await db.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION READ ONLY');
        return tx.query<Record<string, unknown>>(statement.sql);
      });
      const shapes = result.fields.map((f) => ({ name: f.name, ...columnOf(f.dataTypeID) }));
      const data = result.rows.map((row) =>
        Object.fromEntries(shapes.map((s) => [s.name, s.value(row[s.name])])),
      );
      return {
        status: 200,
        body: {
          meta: shapes.map((s) => ({ name: s.name, type: s.type })),
          data,
          rows: data.length,
          rows_before_limit_at_least: data.length,
        },
      };
    } catch (error) {
      return {
        status: 422,
        body: `Input was invalid: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  const sqlPath = `/client/v4/accounts/${accountId}/analytics_engine/sql`;
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const write = /^\/write\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'POST' && write) {
        const dataset = decodeURIComponent(write[1] ?? '').toLowerCase();
        if (!DATASET_NAME.test(dataset)) return send(response, 400, { error: 'bad dataset name' });
        const points = JSON.parse(
          (await readBody(request, MAX_BODY)).toString('utf8'),
        ) as DataPoint[];
        if (!Array.isArray(points) || points.length > 250) {
          return send(response, 400, { error: 'a batch is an array of at most 250 data points' });
        }
        for (const point of points) {
          const problem = dataPointProblem(point);
          if (problem) return send(response, 400, { error: problem });
        }
        await writeQueue(dataset, points);
        return send(response, 204, '');
      }
      if (request.method === 'POST' && url.pathname === sqlPath) {
        if (request.headers.authorization !== `Bearer ${apiToken}`) {
          return send(response, 403, {
            success: false,
            errors: [{ code: 10000, message: 'Authentication error' }],
            messages: [],
            result: null,
          });
        }
        const answer = await query((await readBody(request, MAX_BODY)).toString('utf8'));
        return send(
          response,
          answer.status,
          answer.body,
          typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
        );
      }
      send(response, 404, { error: 'not found' });
    } catch (error) {
      send(response, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  });

  // One write at a time: PGlite serves one query at a time, and points keep their order.
  let queue: Promise<unknown> = Promise.resolve();
  const writeQueue = (dataset: string, points: DataPoint[]) => {
    const next = queue.then(() => write(dataset, points));
    queue = next.catch(() => undefined);
    return next;
  };

  const { port, close } = await listenLocal(server, { port: options.port });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    accountId,
    apiToken,
    sqlUrl: `${url}${sqlPath}`,
    count: async (dataset) => {
      if (!tables.has(dataset)) return 0;
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${dataset}"`);
      return rows[0]?.n ?? 0;
    },
    close: async () => {
      await close();
      await db.close();
    },
  };
}
