import { existsSync } from 'node:fs';
import { devServicesEnv } from './env.ts';

/** Debian's packages: the old headless shell (`chromium-headless-shell`) and the browser (`chromium`). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const BROWSER = '/usr/bin/chromium';

/**
 * The Chromium the tests drive: `CHROMIUM_PATH` when set, else Debian's old
 * headless shell when installed, else Debian's Chromium. The shell has no
 * window system and no GPU process: the Worker specs took 239 s of CPU with it
 * and 430 s with the full browser in new headless mode (50 specs, 2 cores),
 * with the same verdicts. It runs headless only: set
 * `CHROMIUM_PATH=/usr/bin/chromium` for `playwright test --headed`.
 */
export function chromiumPath(): string {
  if (devServicesEnv.CHROMIUM_PATH) return devServicesEnv.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : BROWSER;
}
