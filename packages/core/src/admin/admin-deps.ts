import type { Database } from '@edgecart/db';
import type { StockChanges } from '../catalog/stock-changes.ts';

/** What an admin's write needs: the database, its time, who made it, and the stock it moves. */
export interface AdminDeps {
  db: Database;
  now: Date;
  /** `admin:<user id>`, for the audit trail. */
  actor: string;
  stockChanges?: StockChanges | undefined;
}
