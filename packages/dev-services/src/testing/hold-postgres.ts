/**
 * For postgres.test.ts: starts a PostgreSQL server, prints its port, and
 * waits to be killed without ever calling `stop`.
 */
import { startPostgres } from '../postgres.ts';

const postgres = await startPostgres();
console.log(JSON.stringify({ port: postgres.port }));
setInterval(() => {}, 60_000);
