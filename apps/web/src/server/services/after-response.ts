import 'server-only';
import { after } from 'next/server';
import { logError } from '../http/log-error.ts';

/**
 * Runs `task` once the response has been sent (Next's `after`, a Worker's
 * `waitUntil`): work the reply must not wait for, nor show by its length. A
 * failure is one structured log line with the request id; the client has its
 * answer already.
 */
export function runAfterResponse(task: () => Promise<void>, requestId: string): void {
  after(async () => {
    try {
      await task();
    } catch (error) {
      logError({ msg: 'work after the response failed', requestId }, error);
    }
  });
}
