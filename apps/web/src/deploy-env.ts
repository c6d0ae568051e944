/**
 * Where the app runs. wrangler.jsonc sets it: `production` in its top-level
 * `vars`, `preview` in `env.preview.vars`; a local Worker (`preview:edge`, the
 * Worker tests, the benchmark) passes `--var DEPLOY_ENV:development`. Outside
 * a Worker (next dev, next build, the tests) unset means `development`.
 * NODE_ENV cannot tell: `next build` always sets it to production.
 *
 * A Worker without it refuses to serve: a deploy that lost it would otherwise
 * skip every production guard. Web APIs only: the Worker's entry reads this
 * too, before the app is loaded.
 */
export const deployEnvs = ['production', 'preview', 'development'] as const;
export type DeployEnv = (typeof deployEnvs)[number];

export const isDeployEnv = (value: unknown): value is DeployEnv =>
  (deployEnvs as readonly unknown[]).includes(value);

/** What is wrong with DEPLOY_ENV, or null. `worker`: running in workerd, where unset is refused. */
export function deployEnvProblem(value: string | undefined, worker: boolean): string | null {
  if (value === undefined || value === '') {
    return worker
      ? 'DEPLOY_ENV is not set: a Worker must say where it runs. wrangler.jsonc sets `production` (top-level `vars`) and `preview` (`env.preview.vars`); a local Worker passes `--var DEPLOY_ENV:development`.'
      : null;
  }
  return isDeployEnv(value)
    ? null
    : `DEPLOY_ENV must be one of ${deployEnvs.join(', ')} (got ${JSON.stringify(value.slice(0, 40))}).`;
}

/** The Worker's DEPLOY_ENV; throws with the problem when it has none, or a wrong one. */
export function requireWorkerDeployEnv(value: string | undefined): DeployEnv {
  const problem = deployEnvProblem(value, true);
  if (problem || !isDeployEnv(value)) throw new Error(`Refusing to serve: ${problem}`);
  return value;
}
