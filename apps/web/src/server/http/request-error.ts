import { getCloudflareContext } from '@opennextjs/cloudflare';
import { inWorker } from '../services/runtime.ts';
import { requestStateOf } from '../worker-entry/request-state.ts';

/**
 * Marks the current request as failed by `error` (the first one counts), so
 * that the Worker's entry reports it to Sentry if the answer is a 5xx. Under
 * next dev there is no entry and nothing is reported.
 */
export function noteRequestError(error: unknown): void {
  if (!inWorker) return;
  try {
    const state = requestStateOf(getCloudflareContext().ctx);
    if (state && state.error === undefined) state.error = error;
  } catch {
    // Outside a request (module scope, a script): nothing to mark.
  }
}
