/**
 * Serves a Worker locally through wrangler's own API (`unstable_startWorker`),
 * as `wrangler dev` would, but without the DevTools inspector that the CLI
 * always attaches: with it, every `console.log` is also sent over the
 * inspector's protocol (about 0.6 ms a line here), a cost no deployed Worker
 * pays. Logs still reach this process's output through workerd's structured
 * logs. Needs Node >= 22.12 (run it with scripts/with-node22.mjs).
 *
 *   node scripts/serve-worker.mjs '{"config":"wrangler.jsonc","port":8787,"vars":{"A":"1"}}'
 *
 * Options (one JSON argument): `config` (wrangler.jsonc), `port`, `vars`
 * (plain-text bindings), `persist` (the local bindings' state folder) and
 * `testScheduled` (serve /__scheduled). Prints `ready <url>` once it answers;
 * SIGINT or SIGTERM disposes of the Worker and exits.
 */
import { unstable_startWorker } from 'wrangler';

const options = JSON.parse(process.argv[2] ?? '{}');
if (typeof options.config !== 'string' || !Number.isInteger(options.port)) {
  console.error('usage: node scripts/serve-worker.mjs \'{"config":"…","port":8787}\'');
  process.exit(2);
}

const worker = await unstable_startWorker({
  config: options.config,
  bindings: Object.fromEntries(
    Object.entries(options.vars ?? {}).map(([name, value]) => [
      name,
      { type: 'plain_text', value: String(value) },
    ]),
  ),
  dev: {
    server: { hostname: '127.0.0.1', port: options.port },
    inspector: false,
    watch: false,
    persist: options.persist,
    testScheduled: options.testScheduled === true,
  },
});
await worker.ready;
console.log(`ready ${await worker.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await worker.dispose().catch(() => {});
    process.exit(0);
  });
}
