/**
 * `tsx scripts/wait-healthy.ts <base url> [tries] [interval ms]`: what the
 * preview and production workflows run after a deploy (scripts/deploy/wait-healthy.ts).
 */
import { waitHealthy } from './deploy/wait-healthy.ts';

const [base, tries = '30', interval = '5000'] = process.argv.slice(2);
if (!base) {
  console.error('usage: tsx scripts/wait-healthy.ts <base url> [tries] [interval ms]');
  process.exit(2);
}
const healthy = await waitHealthy(base, {
  tries: Number(tries),
  intervalMs: Number(interval),
  timeoutMs: 10_000,
  log: (line) => console.log(line),
});
if (!healthy) {
  console.error(`::error::${base}/api/health/deep did not answer 200 with status "ok".`);
  process.exit(1);
}
