import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseTarget, startWsProxy, type WsProxy } from './ws-proxy.ts';

describe('parseTarget', () => {
  it('accepts a loopback host:port on /v1', () => {
    expect(parseTarget('/v1?address=127.0.0.1:5432')).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(parseTarget('/v1?address=localhost:6543')).toEqual({ host: 'localhost', port: 6543 });
  });

  it('refuses other paths, other hosts and bad ports: it is no open proxy', () => {
    expect(parseTarget('/v2?address=127.0.0.1:5432')).toBeNull();
    expect(parseTarget('/v1?address=10.0.0.1:5432')).toBeNull();
    expect(parseTarget('/v1?address=example.com:5432')).toBeNull();
    expect(parseTarget('/v1?address=127.0.0.1:99999')).toBeNull();
    expect(parseTarget('/v1')).toBeNull();
  });
});

describe('the WebSocket proxy', () => {
  let echo: Server;
  let proxy: WsProxy;
  let echoPort: number;

  beforeAll(async () => {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoPort = (echo.address() as AddressInfo).port;
    proxy = await startWsProxy();
  });
  afterAll(async () => {
    await proxy.close();
    echo.close();
  });

  it('carries bytes both ways between a WebSocket and a TCP server', async () => {
    const ws = new WebSocket(`ws://${proxy.address}/v1?address=127.0.0.1:${echoPort}`);
    // Sent before the TCP side connects: the proxy must hold it, not drop it.
    ws.on('open', () => ws.send(Buffer.from('hello, postgres')));
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('message', (data: Buffer) => resolve(data.toString()));
      ws.on('error', reject);
    });
    expect(reply).toBe('hello, postgres');
    ws.close();
  });

  it('closes the connection when the target is not allowed', async () => {
    const ws = new WebSocket(`ws://${proxy.address}/v1?address=10.1.2.3:5432`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });
});
