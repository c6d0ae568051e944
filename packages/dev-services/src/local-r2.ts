/**
 * An R2 bucket as wrangler's local mode simulates it (`getPlatformProxy`:
 * Miniflare runs workerd with the binding, and `bucket` is that binding,
 * reached from Node). The tests store photos in it as the Worker stores
 * them in R2; the store lives in a temporary folder, removed on close.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalR2 {
  bucket: R2Like;
  close: () => Promise<void>;
}

/** The binding, as wrangler hands it over (R2Bucket's shape, typed loosely here). */
export type R2Like = {
  put: (...args: never[]) => Promise<unknown>;
  get: (...args: never[]) => Promise<unknown>;
  delete: (...args: never[]) => Promise<unknown>;
  list: (...args: never[]) => Promise<unknown>;
};

export async function startLocalR2(): Promise<LocalR2> {
  // Loaded on use: wrangler's module sets process-wide state (its HTTP agent) that would
  // reach every test importing this package.
  const { getPlatformProxy } = await import('wrangler');
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-r2-'));
  const config = join(dir, 'wrangler.json');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'edgecart-r2-stand-in',
      compatibility_date: '2026-09-01',
      r2_buckets: [{ binding: 'MEDIA', bucket_name: 'edgecart-media' }],
    }),
  );
  const proxy = await getPlatformProxy<{ MEDIA: R2Like }>({
    configPath: config,
    persist: { path: join(dir, 'state') },
  });
  return {
    bucket: proxy.env.MEDIA,
    close: async () => {
      await proxy.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
