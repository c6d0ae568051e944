import { spawn } from 'node:child_process';

/**
 * Stops a process group (a server started with `detached: true`) once this
 * process is gone, however it went: a test runner killed mid-run never runs
 * its cleanup, and a `wrangler dev` or `workerd` left behind keeps a core
 * busy. A detached `sh` polls this process once a second, then sends the
 * group SIGTERM, and SIGKILL a few seconds later.
 */
export function stopWithOwner(groupId: number): void {
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `kill -TERM -${groupId} 2>/dev/null`,
    'sleep 5',
    `kill -KILL -${groupId} 2>/dev/null`,
  ].join('; ');
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}
