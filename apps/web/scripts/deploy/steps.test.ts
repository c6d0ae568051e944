import { expect, test } from 'vitest';
import { runSteps } from './steps.ts';

test('steps run in order and the first failure stops the rest, named', async () => {
  const ran: string[] = [];
  const lines: string[] = [];
  const ok = await runSteps(
    [
      ['build', async () => void ran.push('build')],
      [
        'migrate',
        async () => {
          ran.push('migrate');
          throw new Error('the database refused');
        },
      ],
      ['deploy', async () => void ran.push('deploy')],
    ],
    { out: (line) => lines.push(line), error: (line) => lines.push(line) },
  );
  expect(ok).toBe(false);
  expect(ran).toEqual(['build', 'migrate']);
  expect(lines).toEqual(['▶ build', '▶ migrate', '✖ migrate failed: the database refused']);
});

test('all steps passing answers true', async () => {
  expect(await runSteps([['one', async () => {}]], { out: () => {}, error: () => {} })).toBe(true);
});
