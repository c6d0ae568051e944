import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitHealthy } from './wait-healthy.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A deep health endpoint that gives these answers in turn, then the last one forever. */
async function healthAnswers(answers: { status: number; body: string }[]) {
  let served = 0;
  server = createServer((_request, response) => {
    const answer = answers[Math.min(served++, answers.length - 1)];
    response.writeHead(answer?.status ?? 500, { 'content-type': 'application/json' });
    response.end(answer?.body ?? '');
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served: () => served,
  };
}

const options = (log: string[]) => ({
  tries: 4,
  intervalMs: 0,
  timeoutMs: 10_000,
  log: (line: string) => log.push(line),
  sleep: async () => {},
});

describe('waiting for a deployed Worker to be healthy', () => {
  it('waits through 503 and a degraded 200, and passes on status ok', async () => {
    const health = await healthAnswers([
      { status: 503, body: '{"status":"degraded"}' },
      { status: 200, body: '{"status":"degraded"}' },
      { status: 200, body: '{"status":"ok"}' },
    ]);
    const log: string[] = [];
    expect(await waitHealthy(health.base, options(log))).toBe(true);
    expect(health.served()).toBe(3);
    expect(log[0]).toMatch(/answered 503/);
    expect(log[1]).toMatch(/answered 200 with status "degraded"/);
    expect(log[2]).toMatch(/healthy \(attempt 3\)/);
  });

  it('fails a Worker whose database answers but whose cache does not, after every try', async () => {
    const health = await healthAnswers([{ status: 200, body: '{"status":"degraded"}' }]);
    const log: string[] = [];
    expect(await waitHealthy(health.base, options(log))).toBe(false);
    expect(health.served()).toBe(4);
    expect(log.at(-1)).toMatch(/attempt 4 of 4/);
  });

  it('fails on a 200 that is not the health report, and on nothing listening', async () => {
    const health = await healthAnswers([{ status: 200, body: '<html>a placeholder page</html>' }]);
    expect(await waitHealthy(health.base, { ...options([]), tries: 1 })).toBe(false);
    const log: string[] = [];
    expect(await waitHealthy('http://127.0.0.1:9', { ...options(log), tries: 1 })).toBe(false);
    expect(log[0]).toMatch(/not healthy yet/);
  });
});
