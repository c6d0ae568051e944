/**
 * Serves a Worker as it reached the Cloudflare API stand-in: the uploaded
 * modules and static assets, written back to a folder, run by wrangler
 * (workerd, scripts/local-worker.ts) with the upload's compatibility settings
 * and every binding it carried, vars and secrets alike. `overrides` replaces bindings for the
 * local run only (DEPLOY_ENV and the stand-ins' addresses, docs/deploy.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, processGroupStopper, type StandInWorker } from '@edgecart/dev-services';
import { spawnLocalWorker } from '../scripts/local-worker.ts';

export interface ServedUpload {
  url: string;
  stop: () => Promise<void>;
}

export async function serveUpload(
  worker: StandInWorker,
  overrides: Record<string, string>,
): Promise<ServedUpload> {
  const upload = worker.uploads.at(-1);
  if (!upload?.metadata.main_module) throw new Error(`${worker.name} has no upload to serve`);
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-upload-'));
  const write = (path: string, content: Buffer) => {
    const file = join(dir, path);
    if (!file.startsWith(`${dir}/`)) throw new Error(`unsafe path in the upload: ${path}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  for (const module of upload.modules) write(join('worker', module.name), module.content);
  for (const [path, content] of worker.assets) write(join('assets', path), content);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const vars: Record<string, string> = {};
  const r2Buckets: { binding: string; bucket_name: string }[] = [];
  const datasets: { binding: string; dataset: string }[] = [];
  for (const binding of upload.metadata.bindings ?? []) {
    if ((binding.type === 'plain_text' || binding.type === 'secret_text') && binding.text) {
      vars[binding.name] = binding.text;
    }
    // The bucket as wrangler's local mode simulates it, in this run's folder.
    if (binding.type === 'r2_bucket') {
      r2Buckets.push({ binding: binding.name, bucket_name: String(binding.bucket_name) });
    }
    // Wrangler's local Analytics Engine binding: accepts the points, keeps nothing.
    if (binding.type === 'analytics_engine') {
      datasets.push({ binding: binding.name, dataset: String(binding.dataset) });
    }
  }
  const config = {
    name: `rehearsal-${worker.name}`,
    main: `worker/${upload.metadata.main_module}`,
    compatibility_date: upload.metadata.compatibility_date,
    compatibility_flags: upload.metadata.compatibility_flags,
    // The upload is already bundled: serve its modules as they are.
    no_bundle: true,
    find_additional_modules: true,
    base_dir: 'worker',
    rules: [
      { type: 'ESModule', globs: ['**/*.js', '**/*.mjs'] },
      { type: 'CompiledWasm', globs: ['**/*.wasm'] },
    ],
    assets: { directory: 'assets', binding: 'ASSETS' },
    r2_buckets: r2Buckets,
    analytics_engine_datasets: datasets,
    vars: { ...vars, ...overrides },
  };
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config), { mode: 0o600 });
  const port = await freePort();
  const child = spawnLocalWorker({
    config: join(dir, 'wrangler.json'),
    port,
    persist: join(dir, 'state'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopChild = processGroupStopper(child, 10_000);
  const stop = async () => {
    await stopChild();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}
