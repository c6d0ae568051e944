import { describe, expect, it, vi } from 'vitest';
import { memoizedHealth, runHealthChecks } from './health.ts';

describe('health checks', () => {
  it('are ok when every dependency answers, with a latency each', async () => {
    const report = await runHealthChecks({ database: async () => 1, cache: async () => 'PONG' });
    expect(report.status).toBe('ok');
    expect(report.checks.database).toMatchObject({ ok: true });
    expect(report.checks.cache?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('are degraded when one dependency throws, naming no internals in the report', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const report = await runHealthChecks({
      database: async () => 1,
      cache: async () => {
        throw new Error('connect ECONNREFUSED redis://:hunter2@10.0.0.5');
      },
    });
    expect(report.status).toBe('degraded');
    expect(report.checks.cache).toMatchObject({ ok: false, error: 'unreachable' });
    expect(report.checks.database).toMatchObject({ ok: true });
    expect(JSON.stringify(report)).not.toContain('hunter2');
    expect(String(logged.mock.calls[0]?.[0])).toContain('ECONNREFUSED');
    logged.mockRestore();
  });

  it('are degraded when a dependency hangs past the timeout', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const report = await runHealthChecks({ database: () => new Promise(() => {}) }, 50);
    expect(report.status).toBe('degraded');
    expect(report.checks.database?.error).toBe('timeout');
    logged.mockRestore();
  });
});

describe('memoized health', () => {
  it('probes once for every caller within the time to live, then again', async () => {
    let clock = 0;
    let probes = 0;
    const health = memoizedHealth(
      { database: async () => probes++ },
      { ttlMs: 5_000, now: () => clock },
    );
    await health();
    await Promise.all([health(), health(), health()]);
    clock = 4_999;
    await health();
    expect(probes).toBe(1);
    clock = 5_000;
    await health();
    expect(probes).toBe(2);
  });
});
