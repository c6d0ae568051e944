import 'server-only';
import type { Database } from '@edgecart/db';
import { getProcessDb } from './database/node.ts';
import { getRequestDb } from './database/worker.ts';
import { inWorker } from './runtime.ts';

/** The database for this request, whichever runtime serves it. */
export async function getDb(): Promise<Database> {
  return inWorker ? getRequestDb() : getProcessDb();
}
