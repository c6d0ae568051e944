/**
 * Starts a Worker locally the one way every script here does (preview:edge,
 * the bench and its ceilings, the Worker tests, the deploy rehearsal):
 * wrangler's own API in a Node >= 22.12 process (serve-worker.mjs), with no
 * DevTools inspector. `wrangler dev` always attaches one: each `console.log`
 * then costs about 0.6 ms more here, and two `wrangler dev` started at the
 * same moment both take its default port (9229), so one fails to start.
 */
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopWithOwner } from '@edgecart/dev-services';

const app = fileURLToPath(new URL('..', import.meta.url));

export interface LocalWorkerOptions {
  /** A wrangler config file (absolute path). */
  config: string;
  port: number;
  /** Plain-text bindings, over the config's `vars`. */
  vars?: Record<string, string>;
  /** The local bindings' state folder (R2 and the like). */
  persist?: string;
  /** Serve /__scheduled, which runs the cron handler on demand. */
  testScheduled?: boolean;
  stdio?: StdioOptions;
}

/**
 * Spawns the Worker in a process group of its own (stop the group to stop
 * wrangler and workerd with it), which goes with this process even if it is
 * killed before it can stop it. It answers on `http://127.0.0.1:<port>` once
 * started; the caller waits for that.
 */
export function spawnLocalWorker(options: LocalWorkerOptions): ChildProcess {
  const { stdio = 'ignore', ...serve } = options;
  const child = spawn(
    'node',
    [
      fileURLToPath(new URL('../../../scripts/with-node22.mjs', import.meta.url)),
      'node',
      fileURLToPath(new URL('serve-worker.mjs', import.meta.url)),
      JSON.stringify(serve),
    ],
    // wrangler from the app's node_modules.
    { cwd: app, stdio, detached: true },
  );
  if (child.pid) stopWithOwner(child.pid);
  return child;
}
