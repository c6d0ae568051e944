import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WsProxy {
  /** `host:port`, the value for the Neon driver's `wsProxy` (see NEON_LOCAL_PROXY). */
  address: string;
  port: number;
  close: () => Promise<void>;
}

export interface WsProxyOptions {
  host?: string;
  port?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Reads `?address=host:port` from a `/v1` request; only loopback targets are allowed. */
export function parseTarget(url: string | undefined): { host: string; port: number } | null {
  const parsed = new URL(url ?? '/', 'http://proxy.invalid');
  if (parsed.pathname !== '/v1') return null;
  const match = /^(.+):(\d{1,5})$/.exec(parsed.searchParams.get('address') ?? '');
  if (!match?.[1] || !match[2]) return null;
  const host = match[1];
  const port = Number(match[2]);
  if (!LOOPBACK.has(host) || port < 1 || port > 65535) return null;
  return { host: host.replace(/^\[|\]$/g, ''), port };
}

function pipe(client: WebSocket, request: IncomingMessage): void {
  const target = parseTarget(request.url);
  if (!target) {
    client.close(1008, 'expected /v1?address=<loopback host>:<port>');
    return;
  }
  const socket = connect(target.port, target.host);
  const pending: Buffer[] = [];
  socket.on('connect', () => {
    for (const chunk of pending.splice(0)) socket.write(chunk);
  });
  client.on('message', (data: Buffer) => {
    if (socket.connecting) pending.push(data);
    else socket.write(data);
  });
  socket.on('data', (chunk) => client.send(chunk));
  socket.on('close', () => client.close());
  socket.on('error', () => client.terminate());
  client.on('close', () => socket.destroy());
  client.on('error', () => socket.destroy());
}

/**
 * A WebSocket→TCP proxy in the shape of Neon's: lets `@neondatabase/serverless`
 * reach a plain local PostgreSQL server. Dev and tests only.
 */
export async function startWsProxy(options: WsProxyOptions = {}): Promise<WsProxy> {
  const host = options.host ?? '127.0.0.1';
  const server = new WebSocketServer({ host, port: options.port ?? 0 });
  server.on('connection', pipe);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
