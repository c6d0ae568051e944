import { connect, createServer, type Server, type Socket } from 'node:net';
import { BRIDGE_PATIENCE_MS, startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { describe, expect, it } from 'vitest';
import { describeReadThroughContract, gate } from './read-through.contract.ts';
import { createReadThrough, type ReadThrough } from './read-through.ts';
import { createUpstashCache } from './upstash.ts';

/** n clients on one Redis, each with its own connections, as in separate Workers. */
async function upstashClients(n: number) {
  const redis = await startRedis();
  const bridge = await startUpstashBridge({ redisUrl: redis.url });
  return {
    caches: Array.from({ length: n }, () => createUpstashCache(bridge)),
    close: async () => {
      await bridge.close();
      await redis.stop();
    },
  };
}

describeReadThroughContract('Upstash (real clients → REST bridge → redis-server)', upstashClients);
describeReadThroughContract('Upstash (real clients → REST bridge → redis-server)', upstashClients, {
  localEntries: 100,
});

/**
 * A TCP hop in front of the REST bridge that can stop answering (it accepts
 * and then says nothing, as a congested network does) and start again.
 */
async function unreliableHop(target: number) {
  let mode: 'pass' | 'hang' = 'pass';
  let connections = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => {});
    if (mode === 'hang') return;
    const upstream = connect(target, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    get connections() {
      return connections;
    },
    set(next: 'pass' | 'hang') {
      mode = next;
      // Kept-alive sockets would carry on as before: cut them.
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const socket of open) socket.destroy();
        server.close(() => r());
      }),
  };
}

describe('read-through when Redis is slow or down', () => {
  it('answers from the source within the timeout when Redis stops answering, says so once, leaves Redis alone for a while, and uses it again once it is back', async () => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    const hop = await unreliableHop(Number(new URL(bridge.url).port));
    const logs: Record<string, unknown>[] = [];
    let clock = Date.now();
    try {
      const rt = createReadThrough({
        cache: createUpstashCache({ url: `http://127.0.0.1:${hop.port}`, token: bridge.token }),
        namespace: 'slow',
        timeoutMs: 200,
        retryAfterMs: 5_000,
        log: (line) => logs.push(line),
        now: () => clock,
      });
      let reads = 0;
      const request = {
        key: 'list',
        tags: ['catalog'],
        ttlSeconds: 60,
        load: async () => {
          reads += 1;
          return `from the database (${reads})`;
        },
      };
      expect(await rt.read(request)).toBe('from the database (1)');
      expect(await rt.read(request)).toBe('from the database (1)');

      hop.set('hang');
      const started = performance.now();
      // Redis never answers now: without the deadline this read would hang, and the test time out.
      expect(await rt.read(request)).toBe('from the database (2)');
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(rt.state()).toMatchObject({ status: 'unavailable' });

      // While it is marked unavailable, reads do not even try it.
      const tried = hop.connections;
      for (let i = 0; i < 20; i++) await rt.read(request);
      expect(hop.connections).toBe(tried);
      expect(reads).toBe(22);
      const warnings = logs.filter((l) => l.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        msg: 'cache unavailable: reading the database',
        operation: 'read',
      });
      expect(String(warnings[0]?.error)).toMatch(/no answer within 200 ms/);

      // Back, and the retry time has passed: the cache answers again.
      hop.set('pass');
      clock += 5_001;
      expect(await rt.read(request)).toBe('from the database (1)');
      expect(rt.state()).toEqual({ status: 'ok' });
      expect(logs.at(-1)).toMatchObject({ msg: 'cache available again' });
    } finally {
      await hop.close();
      await bridge.close();
      await redis.stop();
    }
  });

  it('keeps answering from the source when redis-server is killed, and reports a failed invalidation', async () => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    const logs: Record<string, unknown>[] = [];
    try {
      const rt = createReadThrough({
        cache: createUpstashCache(bridge),
        namespace: 'down',
        log: (line) => logs.push(line),
        // Only a killed Redis may fail a call here (it fails at once), not a slow answer.
        timeoutMs: BRIDGE_PATIENCE_MS,
      });
      let price = 1800;
      const request = { key: 'p', tags: ['product:1'], ttlSeconds: 60, load: async () => price };
      expect(await rt.read(request)).toBe(1800);
      await redis.stop();
      price = 2400;
      expect(await rt.read(request)).toBe(2400);
      expect(await rt.invalidate(['product:1'])).toBe(false);
      expect(logs.map((l) => l.msg)).toEqual([
        'cache unavailable: reading the database',
        'cache invalidation failed: entries under these tags live out their TTL',
      ]);
    } finally {
      await bridge.close();
      await redis.stop();
    }
  });

  it('reads the source once per isolate for concurrent misses while Redis is too slow to use', async () => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    const hop = await unreliableHop(Number(new URL(bridge.url).port));
    // The clock stands still: each isolate leaves Redis alone for the rest of the test.
    const clock = Date.now();
    try {
      const isolates = Array.from({ length: 6 }, () =>
        createReadThrough({
          cache: createUpstashCache({ url: `http://127.0.0.1:${hop.port}`, token: bridge.token }),
          namespace: 'stampede',
          timeoutMs: 100,
          log: () => {},
          now: () => clock,
        }),
      );
      hop.set('hang');
      for (const rt of isolates) {
        await rt.read({ key: 'probe', tags: [], ttlSeconds: 60, load: async () => 0 });
        expect(rt.state()).toMatchObject({ status: 'unavailable' });
      }
      const read = gate();
      let reads = 0;
      const request = {
        key: 'list:featured',
        tags: ['catalog'],
        ttlSeconds: 60,
        load: async () => {
          reads += 1;
          await read.held;
          return { items: [1, 2, 3] };
        },
      };
      const results = Array.from({ length: 60 }, (_, i) =>
        (isolates[i % isolates.length] as ReadThrough).read(request),
      );
      read.release();
      for (const result of await Promise.all(results)) expect(result).toEqual({ items: [1, 2, 3] });
      expect(reads).toBe(isolates.length);
    } finally {
      await hop.close();
      await bridge.close();
      await redis.stop();
    }
  });
});
