/**
 * The unit stage of `npm test`. Core's suite is the longest (about three and a
 * half minutes on two cores); one `turbo run` of everything started it only
 * after most other tasks, so the stage lasted that much longer. Here core's
 * suite starts at once in one turbo run, then web's, and everything else (type
 * checks, lint, the other suites) runs beside them in another, one task at a
 * time; core's and web's checks come last. The first run that fails stops the
 * other; Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';

const runs = [
  // Core's suite, then web's (about 25 s): the two runs then end about together.
  ['test', '--filter=@edgecart/core', '--filter=@edgecart/web', '--concurrency=1'],
  [
    'typecheck',
    'lint',
    'test',
    '--filter=!@edgecart/core',
    '--filter=!@edgecart/web',
    '--concurrency=1',
  ],
  ['typecheck', 'lint', '--filter=@edgecart/core', '--filter=@edgecart/web', '--concurrency=1'],
];

const children = new Set();
const stopAll = () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {}
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function turbo(args) {
  const child = spawn('npx', ['turbo', 'run', ...args], { stdio: 'inherit', detached: true });
  children.add(child);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code === 0);
    });
  });
}

const fail = (what) => {
  console.error(`test-unit: ${what} failed; stopping the rest.`);
  stopAll();
  process.exit(1);
};

const core = turbo(runs[0]).then((ok) => ok || fail('core’s or web’s suite'));
const rest = (async () => {
  if (!(await turbo(runs[1]))) fail('the other packages’ checks');
  if (!(await turbo(runs[2]))) fail('core’s or web’s type check or lint');
})();
await Promise.all([core, rest]);
