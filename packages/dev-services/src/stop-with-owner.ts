import { type ChildProcess, spawn } from 'node:child_process';

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

/**
 * How to stop a process group this process started (`detached: true`): SIGTERM
 * to the group, up to `graceMs` for the leader to exit, then SIGKILL to what is
 * left. Calling it again, or after the process exited, does nothing.
 */
export function processGroupStopper(child: ChildProcess, graceMs: number): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return async () => {
    if (!child.pid || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
}
