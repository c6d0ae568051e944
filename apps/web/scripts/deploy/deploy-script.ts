import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { actions } from './github-actions.ts';
import { runSteps } from './steps.ts';

/**
 * What the preview and production deploy scripts share: their one flag
 * (`--reuse-build`: deploy the Worker already in .open-next), the folders they
 * work in, the GitHub Actions helpers, and `run`, which runs the steps and
 * exits with 1 when one fails.
 */
export function deployScript() {
  const { values } = parseArgs({
    options: { 'reuse-build': { type: 'boolean', default: false } },
    strict: true,
  });
  const gh = actions();
  const log = (line: string) => console.log(line);
  return {
    reuseBuild: values['reuse-build'],
    /** apps/web */
    appDir: fileURLToPath(new URL('../..', import.meta.url)),
    /** The repository's root. */
    root: fileURLToPath(new URL('../../../..', import.meta.url)),
    gh,
    log,
    run: async (steps: Parameters<typeof runSteps>[0]): Promise<void> => {
      if (!(await runSteps(steps, { out: log, error: gh.error }))) process.exit(1);
    },
  };
}
