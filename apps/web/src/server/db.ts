import 'server-only';
import type { Database } from '@edgecart/db';
import { getProcessDb } from './database/node.ts';
import { getRequestDb } from './database/worker.ts';

/** True inside Cloudflare's workerd, where the app runs as a Worker. */
export const inWorker =
  typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers';

/** The database for this request, whichever runtime serves it. */
export async function getDb(): Promise<Database> {
  return inWorker ? getRequestDb() : getProcessDb();
}
