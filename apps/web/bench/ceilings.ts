/**
 * The bench's ceilings (issue: measure against the physical ceiling, not a
 * Next.js route):
 *
 * - the harness ceiling: a trivial Worker (`new Response('ok')`) served by
 *   wrangler (scripts/local-worker.ts), exactly as preview:edge serves the
 *   app, so that a ratio to it says what the app costs on top of the serving;
 * - a page's bytes: a Worker that only answers the app's warm `/products`
 *   (its body and headers, one log line, the app's static assets in front),
 *   served the same way: what moving that page through wrangler costs before
 *   the app does any work, so that a ratio to it says what the app's own work
 *   costs on a hit;
 * - workerd itself: a Worker served by `workerd serve` with a generated
 *   config, without wrangler's development proxy in front, which is the
 *   closest this machine gets to how Cloudflare runs a Worker. The trivial
 *   Worker and the built app both run that way.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, processGroupStopper, stopWithOwner } from '@edgecart/dev-services';
import { spawnLocalWorker } from '../scripts/local-worker.ts';

const app = fileURLToPath(new URL('..', import.meta.url));
const root = join(app, '../..');
const workerdBin = join(root, 'node_modules/@cloudflare/workerd-linux-64/bin/workerd');
const TRIVIAL = "export default { fetch: () => new Response('ok') };\n";

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/** The compatibility date and flags of wrangler.jsonc, so that every Worker here runs alike. */
export const COMPATIBILITY = {
  date: '2026-09-01',
  flags: ['nodejs_compat', 'global_fetch_strictly_public'],
};

async function untilAnswering(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer on ${url} within 120 s`);
}

function stopper(child: ChildProcess, dir: string | null): () => Promise<void> {
  const stopChild = processGroupStopper(child, 5_000);
  return async () => {
    await stopChild();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

/** A Worker of one module under wrangler, started the way edge-stack starts the app. */
async function underWrangler(source: string, what: string, assets?: string): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-ceiling-'));
  writeFileSync(join(dir, 'worker.js'), source);
  writeFileSync(
    join(dir, 'wrangler.jsonc'),
    JSON.stringify({
      name: 'ceiling',
      main: 'worker.js',
      compatibility_date: COMPATIBILITY.date,
      compatibility_flags: COMPATIBILITY.flags,
      ...(assets ? { assets: { directory: assets, binding: 'ASSETS' } } : {}),
    }),
  );
  const port = await freePort();
  const child = spawnLocalWorker({ config: join(dir, 'wrangler.jsonc'), port });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, dir);
  try {
    await untilAnswering(url, child, what);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** The trivial Worker under wrangler: the harness ceiling. */
export const trivialUnderWrangler = () => underWrangler(TRIVIAL, 'wrangler (trivial Worker)');

/**
 * What serving one page costs under wrangler before the app does anything: a
 * Worker that answers a page's exact body and headers (the app's, captured
 * by the caller) and logs one line like the app's request log, with the
 * app's static assets in front as wrangler.jsonc configures them.
 */
export function pageUnderWrangler(page: {
  body: string;
  headers: Record<string, string>;
}): Promise<Served> {
  const line = JSON.stringify({
    level: 'info',
    msg: 'request',
    method: 'GET',
    route: '/products',
    status: 200,
    durationMs: 1,
    userId: null,
  });
  const source =
    `const BODY = ${JSON.stringify(page.body)};\nconst HEADERS = ${JSON.stringify(page.headers)};\n` +
    'export default { fetch() {\n' +
    `  console.log(JSON.stringify({ requestId: crypto.randomUUID(), ...${line} }));\n` +
    '  return new Response(BODY, { headers: HEADERS });\n} };\n';
  return underWrangler(source, "wrangler (a page's bytes)", join(app, '.open-next/assets'));
}

const capnpString = (text: string) => JSON.stringify(text);

/**
 * Serves the modules in `dir` (`main` first, every `.wasm` beside it) with
 * `workerd serve`: the given variables as text bindings, `assets` (a folder)
 * as the ASSETS binding, outbound fetches allowed to this machine's stand-ins.
 */
export async function underWorkerd(options: {
  dir: string;
  main: string;
  vars?: Record<string, string>;
  assets?: string;
}): Promise<Served> {
  const port = await freePort();
  // `embed` reads paths relative to the config, which lives beside the modules.
  const wasm = readdirSync(options.dir).filter((name) => name.endsWith('.wasm'));
  const modules = [
    `(name = ${capnpString(options.main)}, esModule = embed ${capnpString(options.main)})`,
    ...wasm.map((name) => `(name = ${capnpString(name)}, wasm = embed ${capnpString(name)})`),
  ];
  const bindings = [
    ...Object.entries(options.vars ?? {}).map(
      ([name, value]) => `(name = ${capnpString(name)}, text = ${capnpString(value)})`,
    ),
    ...(options.assets ? ['(name = "ASSETS", service = "assets")'] : []),
  ];
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
    ${options.assets ? `(name = "assets", disk = (path = ${capnpString(options.assets)}, writable = false)),` : ''}
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  compatibilityDate = ${capnpString(COMPATIBILITY.date)},
  compatibilityFlags = [${COMPATIBILITY.flags.map(capnpString).join(', ')}],
  bindings = [${bindings.join(', ')}],
  globalOutbound = "internet",
);
`;
  const configFile = join(options.dir, 'workerd.capnp');
  writeFileSync(configFile, config);
  const child = spawn(workerdBin, ['serve', configFile, '--experimental'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  if (child.pid) stopWithOwner(child.pid);
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, null);
  try {
    await untilAnswering(url, child, `workerd (${options.main})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** The trivial Worker under workerd alone. */
export async function trivialUnderWorkerd(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-trivial-'));
  writeFileSync(join(dir, 'worker.js'), TRIVIAL);
  const served = await underWorkerd({ dir, main: 'worker.js' });
  return {
    url: served.url,
    stop: async () => {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The built app under workerd alone: wrangler bundles it as `wrangler deploy`
 * would (a dry run into a folder of its own), then workerd serves the bundle
 * with the same variables as the app's Worker under wrangler.
 */
export async function appUnderWorkerd(vars: Record<string, string>): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-bundle-'));
  const bundled = spawnSync(
    'node',
    [join(root, 'scripts/with-node22.mjs'), 'wrangler', 'deploy', '--dry-run', '--outdir', dir],
    { cwd: app, encoding: 'utf8' },
  );
  if (bundled.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`wrangler could not bundle the Worker:\n${bundled.stdout}\n${bundled.stderr}`);
  }
  const served = await underWorkerd({
    dir,
    main: 'worker.js',
    vars,
    assets: join(app, '.open-next/assets'),
  });
  return {
    url: served.url,
    stop: async () => {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
