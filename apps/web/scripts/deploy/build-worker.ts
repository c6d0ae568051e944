import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';

/** What `npm run build:edge` records about the Worker it built (scripts/build-id.mjs). */
export interface BuildStamp {
  buildId: string;
}

export const buildStampFile = '.open-next/deploy-build.json';

export function readBuildStamp(appDir: string): BuildStamp | null {
  const file = join(appDir, buildStampFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStamp) : null;
}

/**
 * Builds the Worker. With `reuse`, deploys the one already in .open-next
 * instead (the build CI tested, or the one an earlier step made). A build
 * names no site: the site's URL is a Worker variable (`SITE_URL`), so one
 * build serves a preview and the shop alike.
 */
export async function buildWorker(options: {
  appDir: string;
  reuse: boolean;
  /** The build's environment: no deploy secret belongs in it. */
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  if (options.reuse) {
    const stamp = readBuildStamp(options.appDir);
    if (!stamp) throw new Error('there is no Worker built in .open-next to reuse');
    console.log(`Reusing the Worker in .open-next (build ${stamp.buildId}).`);
    return;
  }
  await runCommand('npm', ['run', 'build:edge'], { cwd: options.appDir, env: options.env });
}
