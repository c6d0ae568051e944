import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

it('stops a server whose owner was killed before it could call stop', async () => {
  const holder = spawn(
    'npx',
    ['tsx', fileURLToPath(new URL('testing/hold-postgres.ts', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // A group of its own: npx, tsx and node go together, as a test runner's kill takes them.
      detached: true,
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    holder.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(String(chunk)).port));
    holder.once('exit', (code) =>
      reject(new Error(`the holder exited (${code}) before its server started`)),
    );
  });
  expect(await accepts(port)).toBe(true);
  process.kill(-(holder.pid ?? 0), 'SIGKILL');
  // The watchdog looks every second; a loaded machine gets a minute.
  const deadline = Date.now() + 60_000;
  while ((await accepts(port)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(await accepts(port)).toBe(false);
});
