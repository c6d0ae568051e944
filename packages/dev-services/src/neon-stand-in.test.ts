import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { Client, neon, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type NeonStandIn, startNeonStandIn } from './neon-stand-in.ts';
import { parseTarget } from './neon-ws-pipe.ts';
import { type LocalPostgres, startPostgres } from './postgres.ts';

describe('parseTarget', () => {
  const allowed = { host: '127.0.0.1', port: 5432 };

  it('accepts the one server it leads to, by any loopback name, on /v1', () => {
    expect(parseTarget('/v1?address=127.0.0.1:5432', allowed)).toEqual(allowed);
    expect(parseTarget('/v1?address=localhost:5432', allowed)).toEqual(allowed);
  });

  it('refuses other ports, other hosts and other paths: it is no open proxy', () => {
    expect(parseTarget('/v1?address=127.0.0.1:6379', allowed)).toBeNull();
    expect(parseTarget('/v2?address=127.0.0.1:5432', allowed)).toBeNull();
    expect(parseTarget('/v1?address=10.0.0.1:5432', allowed)).toBeNull();
    expect(parseTarget('/v1?address=example.com:5432', allowed)).toBeNull();
    expect(parseTarget('/v1', allowed)).toBeNull();
  });
});

describe('the WebSocket path', () => {
  let echo: Server;
  let standIn: NeonStandIn;
  let echoPort: number;

  beforeAll(async () => {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoPort = (echo.address() as AddressInfo).port;
    standIn = await startNeonStandIn({ postgres: { host: '127.0.0.1', port: echoPort } });
  });
  afterAll(async () => {
    await standIn.close();
    echo.close();
  });

  it('carries bytes both ways between a WebSocket and its server', async () => {
    const ws = new WebSocket(`ws://${standIn.address}/v1?address=127.0.0.1:${echoPort}`);
    // Sent before the TCP side connects: the stand-in must hold it, not drop it.
    ws.on('open', () => ws.send(Buffer.from('hello, postgres')));
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('message', (data: Buffer) => resolve(data.toString()));
      ws.on('error', reject);
    });
    expect(reply).toBe('hello, postgres');
    ws.close();
  });

  it('closes a connection that asks for another port', async () => {
    const ws = new WebSocket(`ws://${standIn.address}/v1?address=127.0.0.1:${echoPort + 1}`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it('refuses a browser page (a request with an Origin)', async () => {
    const ws = new WebSocket(`ws://${standIn.address}/v1?address=127.0.0.1:${echoPort}`, {
      headers: { origin: 'http://evil.test' },
    });
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(401);
    const sql = await fetch(`http://${standIn.address}/sql`, {
      method: 'POST',
      headers: { origin: 'http://evil.test' },
      body: '{}',
    });
    expect(sql.status).toBe(403);
  });
});

describe('the HTTP query path, driven by the real driver', () => {
  let postgres: LocalPostgres;
  let standIn: NeonStandIn;
  const previousEndpoint = neonConfig.fetchEndpoint;

  beforeAll(async () => {
    // Its own server, even on CI with a service container: a test stops it.
    postgres = await startPostgres();
    standIn = await startNeonStandIn({ postgres: { host: '127.0.0.1', port: postgres.port } });
    neonConfig.fetchEndpoint = `http://${standIn.address}/sql`;
  });
  afterAll(async () => {
    neonConfig.fetchEndpoint = previousEndpoint;
    await standIn?.close();
    postgres?.stop();
  });

  it('answers a query with parameters, typed as the driver parses them', async () => {
    const sql = neon(postgres.connectionString);
    const rows = await sql.query('select $1::int + 1 as n, $2::text as s, null::text as z', [
      41,
      'café',
    ]);
    expect(rows).toEqual([{ n: 42, s: 'café', z: null }]);
  });

  it('runs a batch in one transaction, rolled back whole when a query fails', async () => {
    const sql = neon(postgres.connectionString);
    await sql.query('create table if not exists batch_probe (id int primary key)');
    await expect(
      sql.transaction([
        sql`insert into batch_probe values (1)`,
        sql`insert into batch_probe values (1)`,
      ]),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await sql.query('select count(*)::int as n from batch_probe')).toEqual([{ n: 0 }]);
  });

  it("gives PostgreSQL's error fields to the driver", async () => {
    const sql = neon(postgres.connectionString);
    await expect(sql.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
  });

  it('refuses a connection string for another server', async () => {
    const other = new URL(postgres.connectionString);
    other.port = String(postgres.port + 1);
    const sql = neon(other.href);
    await expect(sql.query('select 1')).rejects.toThrow(/leads only to the server/);
  });

  it('lets in only the right password, on the HTTP path and on a WebSocket', async () => {
    const wrong = new URL(postgres.connectionString);
    wrong.password = 'not-the-password';
    await expect(neon(wrong.href).query('select 1')).rejects.toThrow(
      /password authentication failed/,
    );
    const connect = async (connectionString: string) => {
      const client = new Client(connectionString);
      client.neonConfig.webSocketConstructor = WebSocket as never;
      client.neonConfig.wsProxy = (host, port) => `${standIn.address}/v1?address=${host}:${port}`;
      client.neonConfig.useSecureWebSocket = false;
      client.neonConfig.pipelineTLS = false;
      client.neonConfig.pipelineConnect = false;
      client.on('error', () => {});
      try {
        await client.connect();
        return (await client.query('select 1 as one')).rows;
      } finally {
        await client.end().catch(() => {});
      }
    };
    await expect(connect(wrong.href)).rejects.toThrow(/password authentication failed/);
    expect(await connect(postgres.connectionString)).toEqual([{ one: 1 }]);
  });

  it('answers 503 while the server is down, and queries again once it is back', async () => {
    const sql = neon(postgres.connectionString);
    postgres.pause();
    try {
      await expect(sql.query('select 1')).rejects.toThrow(/HTTP status 503/);
    } finally {
      postgres.resume();
    }
    expect(await sql.query('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
