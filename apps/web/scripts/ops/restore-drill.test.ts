import { describe, expect, it } from 'vitest';
import { compareFingerprints, runRestoreDrill } from './restore-drill.ts';

describe('the restore drill', () => {
  it('restores every table as it was, with the audit log still append-only', async () => {
    const lines: string[] = [];
    const report = await runRestoreDrill({ log: (line) => lines.push(line), orders: 4 });
    expect(report.differences).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.before.orders?.rows).toBe(4);
    // Two paid orders: each wrote its audit row; the seed's products and the drill's are there.
    expect(report.before.audit_log?.rows).toBeGreaterThanOrEqual(2);
    expect(report.before.product_variants?.rows).toBeGreaterThan(40);
    expect(report.steps.map((s) => s.step)).toEqual([
      'Start PostgreSQL, migrate and seed the shop',
      'Take 4 orders, every other one paid',
      'Fingerprint every table',
      'Dump the database (pg_dump, custom format)',
      'Destroy the server and its data folder',
      'Start a new, empty PostgreSQL',
      'Restore the dump (pg_restore)',
      'Fingerprint the restored tables',
      'Check the audit log still refuses changes',
    ]);
    expect(lines.at(-1)).toMatch(/^Restore drill passed in [\d.]+ s: \d+ tables/);
  });

  it('fails, naming the table, when the backup lost its rows', async () => {
    const lines: string[] = [];
    const report = await runRestoreDrill({
      log: (line) => lines.push(line),
      orders: 2,
      dumpArgs: ['--exclude-table-data=audit_log'],
    });
    expect(report.passed).toBe(false);
    expect(report.differences).toEqual([
      expect.stringMatching(/^audit_log: \d+ rows before, 0 after$/),
    ]);
    expect(lines.at(-1)).toBe('Restore drill FAILED: 1 difference(s).');
  });

  it('tells a changed row from a missing table', () => {
    const before = { orders: { rows: 2, digest: 'a' }, refunds: { rows: 0, digest: 'empty' } };
    expect(compareFingerprints(before, { orders: { rows: 2, digest: 'b' } })).toEqual([
      'orders: same 2 rows, different contents',
      'refunds: missing after the restore',
    ]);
  });
});
