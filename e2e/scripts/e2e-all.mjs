/**
 * `npm run e2e`: the suite in both runtimes, as fast as two cores allow. The
 * Worker's build (`build:edge`, mostly CPU) runs while the README's flows (the
 * specs tagged @readme: a whole purchase, accounts, the admin) run on
 * `next dev` (mostly waiting on the browser and the server); then the whole
 * suite runs on the built Worker in workerd, the production runtime, then the
 * Worker's own tests. With E2E_WITH_REHEARSAL=1 the deploy rehearsal, which
 * needs only the built Worker, runs beside the specs on the Worker: they wait
 * on the browser and the server for about a fifth of their time (CPU sampled
 * every 5 s in CI), while the `next dev` run before them keeps both cores
 * busy compiling (beside it, the rehearsal made it a minute longer).
 * `npm run e2e:dev` runs the whole suite on `next dev`.
 * The build's lines are prefixed with its name. The first failure stops what
 * is still running (its whole process group) and the run exits non-zero;
 * Ctrl-C stops everything too.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const running = new Set();
const withRehearsal = process.env.E2E_WITH_REHEARSAL === '1';

function start(name, command, args, { prefix = false, env = {} } = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    // Its own process group: stopping it stops what it started (next, workerd, PostgreSQL).
    detached: true,
  });
  running.add(child);
  if (prefix) {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
    }
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ name, ok: code === 0, how: signal ?? `exit ${code}` });
    });
  });
}

/**
 * Stops what is still running: SIGINT to each process group, as Ctrl-C would
 * (Playwright then stops its web server, which SIGTERM would leave behind),
 * then SIGKILL to any group still there after 15 s.
 */
async function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {}
  }
  const deadline = Date.now() + 15_000;
  while (running.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopAll();
    process.exit(130);
  });
}

async function fail(result) {
  console.error(`e2e: ${result.name} failed (${result.how}); stopping the rest.`);
  await stopAll();
  process.exit(1);
}

const build = start('build:edge', 'npm', ['run', 'build:edge', '-w', '@edgecart/web'], {
  prefix: true,
});
const dev = start('e2e:dev', 'npm', ['run', 'e2e:dev', '--', '--grep', '@readme'], {
  env: { E2E_WARM_UP: 'readme' },
});
/** Waits for every run; the first that fails stops the rest and the script. */
function allOf(runs) {
  let left = runs.length;
  return new Promise((resolve) => {
    for (const run of runs) {
      run.then(async (result) => {
        if (!result.ok) await fail(result);
        left -= 1;
        if (left === 0) resolve();
      });
    }
  });
}
await allOf([build, dev]);

// A failed rehearsal stops the run at once, whatever else is still running.
const rehearsal = withRehearsal
  ? start('deploy rehearsal', 'npm', ['run', 'deploy:rehearse', '-w', '@edgecart/web'], {
      prefix: true,
      env: { REHEARSE_WITH_BUILT_WORKER: '1' },
    }).then(async (result) => {
      if (!result.ok) await fail(result);
      return result;
    })
  : null;

const onWorker = await start('e2e on the Worker', 'npx', ['playwright', 'test'], {
  env: { E2E_TARGET: 'worker' },
});
if (!onWorker.ok) await fail(onWorker);
await allOf([
  start('Worker tests', 'npm', ['run', 'test:workerd', '-w', '@edgecart/web']),
  ...(rehearsal ? [rehearsal] : []),
]);
console.log(
  withRehearsal
    ? 'e2e: both runtimes and the deploy rehearsal passed.'
    : 'e2e: both runtimes passed.',
);
