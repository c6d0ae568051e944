import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';

/** What `npm run build:edge` records about the Worker it built (scripts/build-id.mjs). */
export interface BuildStamp {
  buildId: string;
  /** NEXT_PUBLIC_SITE_URL, inlined into the bundle; null when it was unset. */
  siteUrl: string | null;
}

export const buildStampFile = '.open-next/deploy-build.json';

export function readBuildStamp(appDir: string): BuildStamp | null {
  const file = join(appDir, buildStampFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStamp) : null;
}

/**
 * Builds the Worker for `siteUrl` (inlined as NEXT_PUBLIC_SITE_URL). With
 * `reuse`, deploys the one already in .open-next instead, but only if it was
 * built for this same URL: a bundle built for another site would send
 * shoppers' links and Stripe's redirects there.
 */
export async function buildWorker(options: {
  appDir: string;
  siteUrl: string;
  reuse: boolean;
  /** The build's environment: no deploy secret belongs in it. */
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  if (options.reuse) {
    const stamp = readBuildStamp(options.appDir);
    if (stamp?.siteUrl !== options.siteUrl) {
      throw new Error(
        stamp
          ? `the Worker in .open-next was built for ${stamp.siteUrl ?? 'no site URL'}, not ${options.siteUrl}`
          : 'there is no Worker built in .open-next to reuse',
      );
    }
    console.log(`Reusing the Worker built for ${stamp.siteUrl} (build ${stamp.buildId}).`);
    return;
  }
  await runCommand('npm', ['run', 'build:edge'], {
    cwd: options.appDir,
    env: { ...options.env, NEXT_PUBLIC_SITE_URL: options.siteUrl },
  });
}
