import 'server-only';
import { inWorker } from '../services/runtime.ts';

/**
 * This request's id. In the Worker, the entry (worker.ts) has set
 * `x-request-id` from the platform's id or a fresh one, overwriting whatever
 * the client sent; elsewhere (next dev) there is no entry, so make one.
 */
export function currentRequestId(headers: Headers): string {
  const id = inWorker ? headers.get('x-request-id') : null;
  return id ?? crypto.randomUUID();
}
