/**
 * What the workflows must keep, read from the YAML: the deploy logic lives in
 * the rehearsed scripts, CI runs the one CI script, and every action is pinned.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<
    string,
    { steps: Step[]; env?: Record<string, string>; services?: unknown; container?: string }
  >;
}

const workflow = (name: string): Workflow =>
  parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../.github/workflows/${name}`, import.meta.url)),
      'utf8',
    ),
  ) as Workflow;
const names = ['ci.yml', 'preview.yml', 'production.yml'];
/** A GitHub Actions expression, as the YAML writes it. */
const expression = (inner: string) => `\${{ ${inner} }}`;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((step) => (step.run ? [step.run] : []));

describe.each(names)('%s', (name) => {
  test('pins every action to a commit', () => {
    for (const step of steps(workflow(name))) {
      if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  test('never runs wrangler, curl or the Neon API itself: the rehearsed scripts do', () => {
    for (const run of runs(workflow(name))) expect(run).not.toMatch(/wrangler|curl|neon\.tech/);
  });
});

test('CI runs .ci/run, with no shared database or Redis for the tests to trip over', () => {
  const ci = workflow('ci.yml');
  expect(runs(ci)).toContain('bash .ci/run');
  const text = JSON.stringify(ci);
  expect(text).not.toMatch(/TEST_POSTGRES_URL|TEST_REDIS_URL/);
  for (const job of Object.values(ci.jobs)) expect(job.services).toBeUndefined();
});

test('a preview is the pull request head, deployed and closed by the scripts, smoke-tested only', () => {
  const preview = workflow('preview.yml');
  expect(runs(preview)).toContain('npm run deploy:preview -w @edgecart/web');
  expect(runs(preview)).toContain('npm run deploy:close-preview -w @edgecart/web');
  const checkout = preview.jobs.deploy?.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
  expect(checkout?.with?.ref).toBe(expression('github.event.pull_request.head.sha'));
  expect(preview.env?.HEAD_SHA).toBe(expression('github.event.pull_request.head.sha'));
  const e2e = runs(preview).filter((run) => run.includes('e2e'));
  expect(e2e).toEqual(['npm run e2e:smoke -w @edgecart/e2e']);
});

test('production deploys through its script', () => {
  expect(runs(workflow('production.yml'))).toContain('npm run deploy:production -w @edgecart/web');
});
