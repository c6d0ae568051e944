/**
 * `npm run ops:restore-drill`: backs up a local PostgreSQL holding a shop with
 * orders, destroys it, restores the backup on a new server and checks that
 * orders, stock and the audit trail came back intact (scripts/ops/restore-drill.ts).
 * Prints each step with its duration; exits 1 when anything differs. For the
 * production database (Neon), docs/operations.md has the restore procedure.
 */
import { runRestoreDrill } from './ops/restore-drill.ts';

const report = await runRestoreDrill({ log: (line) => console.log(line) });
process.exit(report.passed ? 0 : 1);
