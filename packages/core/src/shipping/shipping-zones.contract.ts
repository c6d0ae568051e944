import { auditLog, type Database, eq } from '@edgecart/db';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { type OpenDatabase, withContractDb } from '../testing/contract-db.ts';
import { shippingOptions } from './shipping-options.ts';
import {
  deleteShippingZone,
  listShippingZones,
  ratesForCountry,
  saveShippingRate,
  saveShippingZone,
  shippingCountries,
} from './shipping-zones.ts';

/** Shipping zones and rates as the admin keeps them and checkout reads them, on every driver. */
export function describeShippingZonesContract(driver: string, open: OpenDatabase) {
  describe(`shipping zones on ${driver}`, () => {
    let db: Database;
    withContractDb(open, (opened) => {
      db = opened;
    });
    const deps = {
      get db() {
        return db;
      },
      now: new Date('2026-12-02T10:00:00Z'),
      actor: 'admin:shipping',
    };
    const rate = (zoneId: string, overrides: Record<string, unknown> = {}) => ({
      zoneId,
      name: 'Standard',
      minDays: 3,
      maxDays: 5,
      currency: 'USD',
      amount: 600,
      freeAbove: 10_000,
      minWeightGrams: 0,
      maxWeightGrams: null,
      active: true,
      position: 0,
      ...overrides,
    });

    it("a country's rates are its zone's, and checkout offers those that fit the parcel", async () => {
      const zone = await saveShippingZone(deps, { name: 'North America', countries: ['us', 'CA'] });
      expect(zone.countries).toEqual(['CA', 'US']);
      await saveShippingRate(deps, rate(zone.id));
      await saveShippingRate(
        deps,
        rate(zone.id, {
          name: 'Express',
          amount: 1_800,
          freeAbove: null,
          position: 1,
          minDays: 1,
          maxDays: 2,
        }),
      );
      await saveShippingRate(
        deps,
        rate(zone.id, { name: 'Freight', minWeightGrams: 20_000, position: 2 }),
      );
      await saveShippingRate(deps, rate(zone.id, { name: 'Euro', currency: 'EUR', position: 3 }));

      const rates = await ratesForCountry(db, 'us');
      const options = shippingOptions(rates, {
        currency: 'USD',
        subtotal: 12_000,
        weightGrams: 900,
      });
      expect(options.map((o) => [o.name, o.amount])).toEqual([
        ['Standard', 0],
        ['Express', 1_800],
      ]);
      expect(await ratesForCountry(db, 'FR')).toEqual([]);
      expect(await shippingCountries(db, 'USD')).toEqual(expect.arrayContaining(['CA', 'US']));
      expect(await shippingCountries(db, 'JPY')).toEqual([]);
    });

    it('a country belongs to one zone: taking it from another is refused, naming that zone', async () => {
      await saveShippingZone(deps, { name: 'Nordics', countries: ['SE', 'NO'] });
      const error = await saveShippingZone(deps, { name: 'Europe', countries: ['FR', 'SE'] }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).toBe(
        'SE is in Nordics: a country belongs to one zone.',
      );
      expect((error as InvalidInputError).field).toBe('countries');
      const zones = await listShippingZones(db);
      expect(zones.some((z) => z.name === 'Europe')).toBe(false);
    });

    it('bad input changes nothing and says which field', async () => {
      const zone = await saveShippingZone(deps, { name: 'Oceania', countries: ['AU'] });
      const refusal = (work: Promise<unknown>) => work.catch((e: unknown) => e);
      const cases = [
        [saveShippingZone(deps, { name: ' ', countries: ['NZ'] }), 'name'],
        [saveShippingZone(deps, { name: 'X', countries: ['NZL'] }), 'countries'],
        [saveShippingZone(deps, { name: 'X', countries: [] }), 'countries'],
        [saveShippingRate(deps, rate(zone.id, { amount: -1 })), 'amount'],
        [saveShippingRate(deps, rate(zone.id, { minDays: 5, maxDays: 2 })), 'maxDays'],
        [
          saveShippingRate(deps, rate(zone.id, { minWeightGrams: 500, maxWeightGrams: 500 })),
          'maxWeightGrams',
        ],
      ] as const;
      for (const [work, field] of cases) {
        const error = await refusal(work);
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as InvalidInputError).field).toBe(field);
      }
      expect(await refusal(saveShippingRate(deps, rate(crypto.randomUUID())))).toBeInstanceOf(
        NotFoundError,
      );
      const [oceania] = (await listShippingZones(db)).filter((z) => z.id === zone.id);
      expect(oceania?.rates).toEqual([]);
      expect(oceania?.countries).toEqual(['AU']);
    });

    it('every change writes its audit row; deleting a zone takes its rates and countries', async () => {
      const zone = await saveShippingZone(deps, { name: 'Islands', countries: ['IS'] });
      await saveShippingZone(deps, { id: zone.id, name: 'Iceland', countries: ['IS', 'FO'] });
      const saved = await saveShippingRate(deps, rate(zone.id));
      await deleteShippingZone(deps, zone.id);
      const rows = await db.select().from(auditLog).where(eq(auditLog.actor, 'admin:shipping'));
      const mine = rows.filter((r) => r.entityId === zone.id || r.entityId === saved.id);
      expect(mine.map((r) => r.action)).toEqual([
        'shipping_zone.create',
        'shipping_zone.update',
        'shipping_rate.create',
        'shipping_zone.delete',
      ]);
      expect(mine[1]?.before).toEqual({ name: 'Islands', countries: ['IS'] });
      expect(mine[1]?.after).toEqual({ name: 'Iceland', countries: ['FO', 'IS'] });
      expect(await ratesForCountry(db, 'IS')).toEqual([]);
      await expect(deleteShippingZone(deps, zone.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
