import { describe, expect, test } from 'vitest';
import { assertShellSafe, type WorkerDeploy, wranglerDeployArgs } from './wrangler-deploy.ts';

const preview: WorkerDeploy = {
  env: 'preview',
  name: 'edgecart-pr-7',
  vars: { CACHE_PREFIX: 'pr-7' },
  message: 'pr-7@0123abcd',
  secrets: { DATABASE_URL: 'postgres://user:p#ss w@host/db' },
};

describe('wrangler deploy arguments', () => {
  test("a preview's: its environment, its name, its vars, one-word message and the secrets file", () => {
    expect(wranglerDeployArgs(preview, '/tmp/x/secrets.json')).toEqual([
      '--env=preview',
      '--name',
      'edgecart-pr-7',
      '--var',
      'CACHE_PREFIX:pr-7',
      '--message',
      'pr-7@0123abcd',
      '--secrets-file',
      '/tmp/x/secrets.json',
    ]);
  });

  test("production's: the top level said explicitly, and the shop's domain", () => {
    const args = wranglerDeployArgs(
      {
        env: 'production',
        domains: ['shop.example.com'],
        message: 'main@0123abcd',
        secrets: {},
      },
      '/tmp/s.json',
    );
    expect(args).toEqual([
      '--env=',
      '--domain',
      'shop.example.com',
      '--message',
      'main@0123abcd',
      '--secrets-file',
      '/tmp/s.json',
    ]);
  });

  test('secret values never reach the command line, whatever they hold', () => {
    expect(wranglerDeployArgs(preview, '/tmp/s.json').join(' ')).not.toContain('p#ss');
  });

  test.each([
    ['a message with a comment sign', { message: 'PR #7 at 0123abcd' }],
    ['a message with spaces', { message: 'main at 0123abcd' }],
    ['a var with a quote', { vars: { CACHE_PREFIX: "pr'7" } }],
    ['a domain with a glob', { domains: ['*.example.com'] }],
  ])(
    '%s is refused before wrangler runs: OpenNext would hand it to a shell unquoted',
    (_, change) => {
      expect(() => wranglerDeployArgs({ ...preview, ...change }, '/tmp/s.json')).toThrow(
        /would not survive OpenNext's unquoted shell/,
      );
    },
  );

  test("a secret's name must be a variable name", () => {
    expect(() =>
      wranglerDeployArgs({ ...preview, secrets: { 'bad name': 'x' } }, '/tmp/s.json'),
    ).toThrow(/not a secret's name/);
  });

  test('the shell-safe check names every offending value', () => {
    expect(() => assertShellSafe(['ok', 'a b', 'c;d'])).toThrow(/"a b", "c;d"/);
    expect(() => assertShellSafe(['pr-7@abc', 'KEY:value', '/tmp/a.json', '--env='])).not.toThrow();
  });
});
