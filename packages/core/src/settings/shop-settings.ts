import { type Database, eq, shopSettings, type TaxBehavior } from '@edgecart/db';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { writeAudit } from '../audit.ts';
import { InvalidInputError } from '../errors.ts';

export interface ShopSettings {
  /** Stripe Tax computes tax at checkout. */
  taxEnabled: boolean;
  /** Whether shown prices hold the tax (inclusive) or have it added (exclusive). */
  taxBehavior: TaxBehavior;
  /** Stripe's product tax code for products without their own. */
  defaultTaxCode: string;
}

const fallback: ShopSettings = {
  taxEnabled: false,
  taxBehavior: 'exclusive',
  defaultTaxCode: 'txcd_99999999',
};

/** The shop's settings (the migration makes their one row; the defaults if it is gone). */
export async function getShopSettings(db: Database): Promise<ShopSettings> {
  const [row] = await db.select().from(shopSettings).where(eq(shopSettings.id, 1));
  return row
    ? {
        taxEnabled: row.taxEnabled,
        taxBehavior: row.taxBehavior,
        defaultTaxCode: row.defaultTaxCode,
      }
    : fallback;
}

/** Saves the settings with their audit row (before and after), in one transaction. */
export async function saveShopSettings(
  deps: AdminDeps,
  input: ShopSettings,
): Promise<ShopSettings> {
  if (!/^txcd_\d{8}$/.test(input.defaultTaxCode)) {
    throw new InvalidInputError('A Stripe tax code is txcd_ and eight digits.', {
      field: 'defaultTaxCode',
    });
  }
  return deps.db.transaction(async (tx) => {
    const before = await getShopSettings(tx);
    await tx
      .insert(shopSettings)
      .values({ id: 1, ...input, updatedAt: deps.now })
      .onConflictDoUpdate({ target: shopSettings.id, set: { ...input, updatedAt: deps.now } });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'shop_settings.update',
        entityType: 'shop_settings',
        entityId: '1',
        before,
        after: input,
      },
      deps.now,
    );
    return input;
  });
}

/** What a shown price says about tax, by the settings; null when nothing needs saying. */
export function taxNote(settings: Pick<ShopSettings, 'taxEnabled' | 'taxBehavior'>): string | null {
  if (!settings.taxEnabled) return null;
  return settings.taxBehavior === 'inclusive' ? 'incl. tax' : '+ tax at checkout';
}
