import { auditLog, eq } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { expect, test } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { getShopSettings, saveShopSettings, taxNote } from './shop-settings.ts';

test('the settings start with tax off, and a save is kept with its audit row', async () => {
  const { db, close } = await createPgliteDb();
  try {
    expect(await getShopSettings(db)).toEqual({
      taxEnabled: false,
      taxBehavior: 'exclusive',
      defaultTaxCode: 'txcd_99999999',
    });
    const deps = { db, now: new Date('2026-12-02T12:00:00Z'), actor: 'admin:settings' };
    const wanted = {
      taxEnabled: true,
      taxBehavior: 'inclusive' as const,
      defaultTaxCode: 'txcd_30011000',
    };
    await saveShopSettings(deps, wanted);
    expect(await getShopSettings(db)).toEqual(wanted);
    await expect(
      saveShopSettings(deps, { ...wanted, defaultTaxCode: 'general' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getShopSettings(db)).toEqual(wanted);
    const rows = await db.select().from(auditLog).where(eq(auditLog.actor, 'admin:settings'));
    expect(rows.map((r) => [r.action, (r.after as { taxBehavior: string }).taxBehavior])).toEqual([
      ['shop_settings.update', 'inclusive'],
    ]);
  } finally {
    await close();
  }
});

test('prices say nothing of tax while it is off, and what it does once it is on', () => {
  expect(taxNote({ taxEnabled: false, taxBehavior: 'inclusive' })).toBeNull();
  expect(taxNote({ taxEnabled: true, taxBehavior: 'inclusive' })).toBe('incl. tax');
  expect(taxNote({ taxEnabled: true, taxBehavior: 'exclusive' })).toBe('+ tax at checkout');
});
