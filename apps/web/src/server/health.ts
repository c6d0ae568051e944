export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<string, CheckResult>;
}

/** Times one probe; a throw or a timeout is a failed check, never a failed request. */
async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: elapsed() };
  } catch (error) {
    return {
      ok: false,
      latencyMs: elapsed(),
      error: error instanceof Error ? error.message : 'unknown error',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every probe at once: "ok" when all answer, else "degraded" (HTTP 503). */
export async function runHealthChecks(
  probes: Record<string, () => Promise<unknown>>,
  timeoutMs = 3_000,
): Promise<HealthReport> {
  const names = Object.keys(probes);
  const results = await Promise.all(
    names.map((name) => check(probes[name] ?? (async () => {}), timeoutMs)),
  );
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as CheckResult]));
  return { status: results.every((r) => r.ok) ? 'ok' : 'degraded', checks };
}
