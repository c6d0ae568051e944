/**
 * What a deploy waits for before it calls a Worker up: `/api/health/deep`
 * answering 200 with `status: "ok"`. A 200 that says "degraded" (the cache
 * does not answer) is not enough for a new deploy: the workflows fail it, so
 * a Worker deployed without its Redis is looked at, not announced.
 */
export interface HealthWait {
  tries: number;
  intervalMs: number;
  /** Each attempt's deadline. */
  timeoutMs: number;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export type HealthVerdict = { healthy: true } | { healthy: false; why: string };

/** Whether one answer of the deep health check means the Worker is ready. */
export async function healthVerdict(response: Response): Promise<HealthVerdict> {
  const text = await response.text();
  if (response.status !== 200) return { healthy: false, why: `answered ${response.status}` };
  let status: unknown;
  try {
    status = (JSON.parse(text) as { status?: unknown }).status;
  } catch {
    return { healthy: false, why: 'answered 200 with a body that is not JSON' };
  }
  return status === 'ok'
    ? { healthy: true }
    : { healthy: false, why: `answered 200 with status ${JSON.stringify(status ?? null)}` };
}

/** Asks `${base}/api/health/deep` until it is healthy or the tries run out; says why each failed. */
export async function waitHealthy(base: string, options: HealthWait): Promise<boolean> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const url = new URL('/api/health/deep', base);
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    let verdict: HealthVerdict;
    try {
      verdict = await healthVerdict(
        await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) }),
      );
    } catch (error) {
      verdict = { healthy: false, why: error instanceof Error ? error.message : String(error) };
    }
    if (verdict.healthy) {
      options.log(`${url}: healthy (attempt ${attempt})`);
      return true;
    }
    options.log(`${url}: not healthy yet, ${verdict.why} (attempt ${attempt} of ${options.tries})`);
    if (attempt < options.tries) await sleep(options.intervalMs);
  }
  return false;
}
