import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { WebSocket } from 'ws';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Reads `?address=host:port` from a `/v1` request: it must name the one
 * PostgreSQL server the stand-in leads to (any loopback spelling of its host).
 */
export function parseTarget(
  url: string | undefined,
  allowed: { host: string; port: number },
): { host: string; port: number } | null {
  const parsed = new URL(url ?? '/', 'http://stand-in.invalid');
  if (parsed.pathname !== '/v1') return null;
  const match = /^(.+):(\d{1,5})$/.exec(parsed.searchParams.get('address') ?? '');
  if (!match?.[1] || !match[2]) return null;
  const host = match[1].replace(/^\[|\]$/g, '');
  const port = Number(match[2]);
  if (!LOOPBACK.has(host) || port !== allowed.port) return null;
  return { host: allowed.host, port };
}

/** Carries the driver's bytes between its WebSocket and the PostgreSQL server. */
export function pipeToPostgres(
  client: WebSocket,
  request: IncomingMessage,
  allowed: { host: string; port: number },
): void {
  const target = parseTarget(request.url, allowed);
  if (!target) {
    client.close(1008, `expected /v1?address=<loopback>:${allowed.port}`);
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
