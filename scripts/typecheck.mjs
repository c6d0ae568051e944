/**
 * `npm run typecheck` in a workspace: TypeScript 7's compiler (native, about
 * ten times faster than 5.x here, and the suite's longest stage was type
 * checks) on the workspace's tsconfig.json, emitting nothing. TypeScript 5.9
 * stays installed as `typescript` for the tools that load its JavaScript API
 * (Next.js, editors); TypeScript 7 is the `typescript7` alias, started by its
 * path so that whichever `tsc` npm linked does not matter.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsc = fileURLToPath(new URL('../node_modules/typescript7/bin/tsc', import.meta.url));
const result = spawnSync(process.execPath, [tsc, '--noEmit', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
