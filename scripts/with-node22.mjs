#!/usr/bin/env node
/**
 * Runs a command under Node >= 22.12, which wrangler and @opennextjs/cloudflare
 * need. Where the machine's Node is older, the Node pinned in .node-version (the
 * one CI uses) is installed once into .cache/ from the npm registry (the
 * node-<os>-<arch> package) and put first on PATH for the command and its children.
 *
 *   node scripts/with-node22.mjs opennextjs-cloudflare build
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_VERSION = readFileSync(join(root, '.node-version'), 'utf8').trim().replace(/^v/, '');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node22.mjs <command> [args...]');
  process.exit(2);
}

function atLeast(version, [major, minor]) {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function modernNodeBin() {
  if (atLeast(process.versions.node, [22, 12])) return null;
  if (!/^\d+\.\d+\.\d+$/.test(NODE_VERSION) || !atLeast(NODE_VERSION, [22, 12])) {
    console.error(
      `.node-version must be an exact version >= 22.12 (wrangler needs it), not "${NODE_VERSION}"`,
    );
    process.exit(2);
  }
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const pkg = `node-${os}-${process.arch}`;
  const prefix = join(root, '.cache', `node-${NODE_VERSION}`);
  const bin = join(prefix, 'node_modules', pkg, 'bin');
  if (!existsSync(join(bin, os === 'win' ? 'node.exe' : 'node'))) {
    console.error(
      `Node ${process.versions.node} is older than 22.12: installing ${pkg}@${NODE_VERSION}`,
    );
    const result = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `${pkg}@${NODE_VERSION}`,
      ],
      { stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  return bin;
}

const bin = modernNodeBin();
const env = { ...process.env };
// The modern Node first, then the workspace's own tools, then the rest.
const path = [bin, join(process.cwd(), 'node_modules', '.bin'), join(root, 'node_modules', '.bin')];
env.PATH = [...path.filter(Boolean), env.PATH ?? ''].join(delimiter);
// wrangler and workerd run offline here: no metrics, no request-cf lookups.
env.WRANGLER_SEND_METRICS ??= 'false';
env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
