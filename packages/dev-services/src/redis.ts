import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { devServicesEnv } from './env.ts';
import { freePort } from './free-port.ts';

export interface LocalRedis {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/**
 * Starts a throwaway `redis-server` (Debian: apt-get install redis-server) on
 * loopback, without persistence: a server of its own for each test file, so that
 * a test may stop it (an outage) without touching another's.
 */
export async function startRedis(): Promise<LocalRedis> {
  const port = await freePort();
  const server = spawn(
    devServicesEnv.REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    server.on('error', (error) =>
      reject(
        new Error(
          `redis-server could not start (${error.message}). Install it (Debian: apt-get install redis-server) or set REDIS_SERVER.`,
        ),
      ),
    ),
  );
  const url = `redis://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const client = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      // Refused while the server starts: the attempt's rejection says so already.
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        client.disconnect();
      }
    }
    throw new Error('redis-server did not answer within 5 s');
  })();
  await Promise.race([ready, spawnError]);
  return {
    url,
    port,
    stop: async () => {
      server.kill('SIGTERM');
      await exited;
    },
  };
}
