import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One `wrangler deploy` of the app's Worker. */
export interface WorkerDeploy {
  /** wrangler.jsonc's environment: `preview`, or the top level (production). */
  env: 'preview' | 'production';
  /** Overrides wrangler.jsonc's name (one Worker per pull request). */
  name?: string;
  vars?: Record<string, string>;
  /** Custom domains (production: the host of SITE_URL). */
  domains?: string[];
  /** The version's message, shown in Cloudflare's deployments list. */
  message: string;
  /** Uploaded with the version (`--secrets-file`), never on the command line. */
  secrets: Record<string, string>;
}

/**
 * `wrangler deploy` in apps/web hands itself to `opennextjs-cloudflare deploy`,
 * which runs wrangler again through a shell with the arguments joined by
 * spaces, unquoted: a space splits a value, `#` comments out the rest of the
 * line (`--secrets-file` with it), `*` and `?` are globbed. Every argument must
 * be one word of these characters.
 */
const shellSafe = /^[\w@%+=:,./-]*$/;

export function assertShellSafe(values: string[]): void {
  const unsafe = values.filter((value) => !shellSafe.test(value));
  if (unsafe.length > 0) {
    throw new Error(
      `These wrangler arguments would not survive OpenNext's unquoted shell: ${unsafe
        .map((value) => JSON.stringify(value))
        .join(', ')} (one word of letters, digits and @%+=:,./- each).`,
    );
  }
}

/** The arguments after `wrangler deploy`, checked to pass the shell intact. */
export function wranglerDeployArgs(deploy: WorkerDeploy, secretsFile: string): string[] {
  const args = [
    // `--env=` is the top level, said explicitly (wrangler warns otherwise).
    `--env=${deploy.env === 'production' ? '' : deploy.env}`,
    ...(deploy.name ? ['--name', deploy.name] : []),
    ...Object.entries(deploy.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ...(deploy.domains ?? []).flatMap((domain) => ['--domain', domain]),
    '--message',
    deploy.message,
    '--secrets-file',
    secretsFile,
  ];
  assertShellSafe(args);
  for (const name of Object.keys(deploy.secrets)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`not a secret's name: ${name}`);
  }
  return args;
}

/**
 * Runs `wrangler deploy` in `appDir` (through scripts/with-node22.mjs) with
 * the secrets in a file only this user can read, removed afterwards whatever
 * happens. Resolves when wrangler exits 0.
 */
export async function deployWorker(
  deploy: WorkerDeploy,
  options: { appDir: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'edgecart-deploy-'));
  const secretsFile = join(dir, 'secrets.json');
  try {
    writeFileSync(secretsFile, JSON.stringify(deploy.secrets), { mode: 0o600 });
    const args = wranglerDeployArgs(deploy, secretsFile);
    const child = spawn('node', ['../../scripts/with-node22.mjs', 'wrangler', 'deploy', ...args], {
      cwd: options.appDir,
      stdio: 'inherit',
      env: options.env ?? process.env,
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`wrangler deploy exited with ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
