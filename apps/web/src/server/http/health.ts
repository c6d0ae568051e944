export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** A word for what failed; the cause itself is only in the server log. */
  error?: 'timeout' | 'unreachable';
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checkedAt: string;
  checks: Record<string, CheckResult>;
}

/** A dependency's check: a function, or one with its own deadline (a cache must answer fast). */
type Probe = (() => Promise<unknown>) | { run: () => Promise<unknown>; timeoutMs: number };
type Probes = Record<string, Probe>;

class ProbeTimeout extends Error {}

/** Times one probe; a throw or a timeout is a failed check, never a failed request. */
async function check(name: string, probe: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: elapsed() } satisfies CheckResult;
  } catch (error) {
    const timedOut = error instanceof ProbeTimeout;
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'health check failed',
        check: name,
        error: timedOut
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? `${error.name}: ${error.message}`
            : String(error),
      }),
    );
    return {
      ok: false,
      latencyMs: elapsed(),
      error: timedOut ? 'timeout' : 'unreachable',
    } satisfies CheckResult;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every probe at once: "ok" when all answer, else "degraded" (HTTP 503). */
export async function runHealthChecks(probes: Probes, timeoutMs = 3_000): Promise<HealthReport> {
  const names = Object.keys(probes);
  const results = await Promise.all(
    names.map((name) => {
      const probe = probes[name] ?? (async () => {});
      return typeof probe === 'function'
        ? check(name, probe, timeoutMs)
        : check(name, probe.run, probe.timeoutMs);
    }),
  );
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as CheckResult]));
  const status = results.every((r) => r.ok) ? 'ok' : 'degraded';
  return { status, checkedAt: new Date().toISOString(), checks };
}

/**
 * The health report, probed at most once per `ttlMs` once a probe has
 * finished: later callers get that report. Only settled reports are shared,
 * never a pending promise (a Worker must not await one request's I/O in
 * another), so callers that arrive together before the first answer each probe.
 */
export function memoizedHealth(
  probes: Probes,
  options: { ttlMs: number; timeoutMs?: number; now?: () => number },
): () => Promise<HealthReport> {
  const now = options.now ?? Date.now;
  let last: { at: number; report: HealthReport } | undefined;
  return async () => {
    if (last && now() - last.at < options.ttlMs) return last.report;
    const report = await runHealthChecks(probes, options.timeoutMs);
    last = { at: now(), report };
    return report;
  };
}
