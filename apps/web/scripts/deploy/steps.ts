/**
 * Runs a deploy's steps in order and stops at the first failure, naming it:
 * `▶ <step>` before each, `✖ <step> failed: <why>` and exit code 1 on a
 * failure, so the log (and the rehearsal) tells which step stopped a deploy
 * and that none after it ran.
 */
export async function runSteps(
  steps: [name: string, run: () => Promise<void>][],
  log: { out: (line: string) => void; error: (line: string) => void },
): Promise<boolean> {
  for (const [name, run] of steps) {
    log.out(`▶ ${name}`);
    try {
      await run();
    } catch (error) {
      log.error(`✖ ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
  return true;
}
