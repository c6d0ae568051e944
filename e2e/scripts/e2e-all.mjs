/**
 * `npm run e2e`: the suite in both runtimes, as fast as two cores allow. The
 * Worker's build (`build:edge`, mostly CPU) runs while the suite runs on
 * `next dev` (mostly waiting on the browser and the server); then the suite
 * runs again on the built Worker in workerd, then the Worker's own tests.
 *
 * With `--with-unit` (what `npm test` runs), the typecheck, lint and unit
 * and integration tests (`turbo run typecheck lint test`) run beside the
 * `next dev` suite too, and the Worker is built once they are done: the two
 * cores work while the browser waits, instead of one after the other.
 *
 * The lines of what runs beside the browser suite are prefixed with its
 * name. The first failure stops what is still running (its whole process
 * group) and the run exits non-zero; Ctrl-C stops everything too.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const withUnit = process.argv.includes('--with-unit');

const running = new Set();

function start(name, command, args, { prefix = false, env = {}, cwd } = {}) {
  const child = spawn(command, args, {
    cwd,
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

function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function fail(result) {
  console.error(`e2e: ${result.name} failed (${result.how}); stopping the rest.`);
  stopAll();
  process.exit(1);
}

const buildEdge = () =>
  start('build:edge', 'npm', ['run', 'build:edge', '-w', '@edgecart/web'], { prefix: true });
// The unit stage and the build both want the CPU: the build waits for it.
const build = withUnit
  ? start('unit', 'npx', ['turbo', 'run', 'typecheck', 'lint', 'test', '--concurrency=2'], {
      prefix: true,
      cwd: root,
    }).then((unit) => (unit.ok ? buildEdge() : unit))
  : buildEdge();
const dev = start('e2e:dev', 'npm', ['run', 'e2e:dev'], { cwd: join(root, 'e2e') });
// Whichever ends first: a failure stops the other at once.
for (const result of await Promise.race([
  Promise.all([build, dev]),
  build.then((r) => (r.ok ? dev.then((d) => [r, d]) : [r])),
  dev.then((r) => (r.ok ? build.then((b) => [r, b]) : [r])),
])) {
  if (!result.ok) fail(result);
}

for (const [name, command, args, env] of [
  ['e2e on the Worker', 'npx', ['playwright', 'test'], { E2E_TARGET: 'worker' }],
  ['Worker tests', 'npm', ['run', 'test:workerd', '-w', '@edgecart/web'], {}],
]) {
  const result = await start(name, command, args, { env, cwd: join(root, 'e2e') });
  if (!result.ok) fail(result);
}
console.log('e2e: both runtimes passed.');
