import { describe, expect, it } from 'vitest';
import { runHealthChecks } from './health.ts';

describe('health checks', () => {
  it('are ok when every dependency answers, with a latency each', async () => {
    const report = await runHealthChecks({ database: async () => 1, cache: async () => 'PONG' });
    expect(report.status).toBe('ok');
    expect(report.checks.database).toMatchObject({ ok: true });
    expect(report.checks.cache?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('are degraded, naming the failure, when one dependency throws', async () => {
    const report = await runHealthChecks({
      database: async () => 1,
      cache: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(report.status).toBe('degraded');
    expect(report.checks.cache).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
    expect(report.checks.database).toMatchObject({ ok: true });
  });

  it('are degraded when a dependency hangs past the timeout', async () => {
    const report = await runHealthChecks({ database: () => new Promise(() => {}) }, 50);
    expect(report.status).toBe('degraded');
    expect(report.checks.database?.error).toMatch(/no answer within 50 ms/);
  });
});
