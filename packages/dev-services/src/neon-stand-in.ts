import { createServer, type IncomingMessage, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { listenLocal } from './listen-local.ts';
import { handleSqlOverHttp, type SqlPools } from './neon-sql-http.ts';
import { pipeToPostgres } from './neon-ws-pipe.ts';

export interface NeonStandIn {
  /** `host:port`, the value for NEON_LOCAL_PROXY. */
  address: string;
  port: number;
  close: () => Promise<void>;
}

export interface NeonStandInOptions {
  /** The one PostgreSQL server it leads to. */
  postgres: { host: string; port: number };
  host?: string;
  port?: number;
  /** PostgreSQL connections behind the HTTP query path, like Neon's pooler; 10 by default. */
  poolSize?: number;
}

/** A browser page sends Origin; the driver and the Worker do not. */
const fromBrowser = (request: IncomingMessage) => request.headers.origin !== undefined;

/**
 * A local stand-in for Neon's endpoints in front of a plain PostgreSQL server,
 * so that `@neondatabase/serverless` runs unchanged against it:
 * - `GET /v1?address=host:port` upgraded to a WebSocket: the Pool/Client wire
 *   protocol, piped to the server over TCP;
 * - `POST /sql`: the HTTP query path (`neon()`, drizzle's neon-http), one
 *   query or a batch in a transaction, over a bounded pool of connections.
 * It reaches only the server it was started for and refuses browser origins,
 * so a web page cannot use it to reach other local services. Dev and tests only.
 */
export async function startNeonStandIn(options: NeonStandInOptions): Promise<NeonStandIn> {
  const host = options.host ?? '127.0.0.1';
  const pools: SqlPools = new Map();
  const server: Server = createServer((request, response) => {
    if (fromBrowser(request)) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'browser origins are refused' }));
      return;
    }
    void handleSqlOverHttp(request, response, {
      postgres: options.postgres,
      pools,
      poolSize: options.poolSize ?? 10,
    });
  });
  const sockets = new WebSocketServer({
    server,
    verifyClient: ({ req }: { req: IncomingMessage }) => !fromBrowser(req),
  });
  sockets.on('connection', (client, request) => pipeToPostgres(client, request, options.postgres));
  const listening = await listenLocal(server, { port: options.port, host });
  const { port } = listening;
  return {
    address: `${host}:${port}`,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await listening.close();
      await Promise.all([...pools.values()].map((pool) => pool.end().catch(() => {})));
    },
  };
}
