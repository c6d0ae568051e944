import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs one of the app's deploy scripts as a workflow step would (`tsx
 * scripts/<name>.ts`), showing its output as it goes; resolves with its exit
 * code and everything it printed.
 */
export async function runDeployScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const child = spawn('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const show = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    for (const line of text.split('\n')) if (line.trim()) console.log(`  [${script}] ${line}`);
  };
  child.stdout.on('data', show);
  child.stderr.on('data', show);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}
