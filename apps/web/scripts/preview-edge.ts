/**
 * `npm run preview:edge`: serves the built Worker in workerd on
 * http://127.0.0.1:8787 (or $PORT) with a real PostgreSQL and Redis around it
 * (see edge-stack.ts) until stopped with Ctrl-C. Build first: `npm run build:edge`.
 * `-- --admin-email E --admin-password P` creates an admin in its database
 * with `npm run admin:create` once it is up. Error reports go to a local
 * Sentry stand-in, and each is printed as a line.
 */
import { parseArgs } from 'node:util';
import { startEdgeStack, workerIsBuilt } from './edge-stack.ts';

const { values: args } = parseArgs({
  options: { 'admin-email': { type: 'string' }, 'admin-password': { type: 'string' } },
  strict: true,
});

if (!workerIsBuilt()) {
  console.error('No Worker built yet: run `npm run build:edge` first.');
  process.exit(1);
}

const admin =
  args['admin-email'] && args['admin-password']
    ? { email: args['admin-email'], password: args['admin-password'] }
    : undefined;
const stack = await startEdgeStack({
  port: Number(process.env.PORT ?? 8787),
  output: 'inherit',
  admin,
  // What production would send to Sentry, one line each (the stand-in keeps the rest).
  onErrorReport: (event) => {
    const tags = (event.tags ?? {}) as Record<string, unknown>;
    const exception = (event.exception as { values?: { type?: string; value?: string }[] })
      ?.values?.[0];
    const what = exception ? `${exception.type}: ${exception.value}` : String(event.message ?? '');
    console.log(
      `error report (to Sentry in production): ${what} ` +
        `[route ${tags.route ?? '-'}, request ${tags.request_id ?? '-'}, release ${event.release}]`,
    );
  },
});
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

console.log(`Worker ready on ${stack.url} (Ctrl-C to stop)`);
