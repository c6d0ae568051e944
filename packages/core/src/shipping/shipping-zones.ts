import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  ne,
  shippingRates,
  shippingZoneCountries,
  shippingZones,
} from '@edgecart/db';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { writeAudit } from '../audit.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ShippingRate } from './shipping-options.ts';

export interface ShippingZoneInput {
  /** Absent: a new zone. */
  id?: string | undefined;
  name: string;
  /** ISO 3166-1 alpha-2 codes; each in one zone at most. */
  countries: string[];
}

/** A rate as the admin saves it: absent `id`, a new rate of the zone. */
export type ShippingRateInput = Omit<ShippingRate, 'id'> & {
  id?: string | undefined;
  zoneId: string;
};

/** Every zone with its countries and rates, for the admin's shipping page. */
export async function listShippingZones(db: Database) {
  const [zones, countries, rates] = await Promise.all([
    db.select().from(shippingZones).orderBy(asc(shippingZones.position), asc(shippingZones.name)),
    db.select().from(shippingZoneCountries).orderBy(asc(shippingZoneCountries.country)),
    db.select().from(shippingRates).orderBy(asc(shippingRates.position), asc(shippingRates.amount)),
  ]);
  return zones.map((zone) => ({
    id: zone.id,
    name: zone.name,
    countries: countries.filter((c) => c.zoneId === zone.id).map((c) => c.country),
    rates: rates.filter((r) => r.zoneId === zone.id).map(toRate),
  }));
}

function toRate(row: typeof shippingRates.$inferSelect): ShippingRate & { zoneId: string } {
  return {
    id: row.id,
    zoneId: row.zoneId,
    name: row.name,
    minDays: row.minDays,
    maxDays: row.maxDays,
    currency: row.currency,
    amount: row.amount,
    freeAbove: row.freeAbove,
    minWeightGrams: row.minWeightGrams,
    maxWeightGrams: row.maxWeightGrams,
    active: row.active,
    position: row.position,
  };
}

/** The rates of the zone that holds `country`; none when no zone does. */
export async function ratesForCountry(db: Database, country: string): Promise<ShippingRate[]> {
  const rows = await db
    .select({ rate: shippingRates })
    .from(shippingRates)
    .innerJoin(shippingZoneCountries, eq(shippingZoneCountries.zoneId, shippingRates.zoneId))
    .where(eq(shippingZoneCountries.country, country.toUpperCase()));
  return rows.map((row) => toRate(row.rate));
}

/** The countries the shop ships to in `currency`: those whose zone has an active rate in it. */
export async function shippingCountries(db: Database, currency: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: shippingZoneCountries.country })
    .from(shippingZoneCountries)
    .innerJoin(shippingRates, eq(shippingRates.zoneId, shippingZoneCountries.zoneId))
    .where(and(eq(shippingRates.active, true), eq(shippingRates.currency, currency)))
    .orderBy(asc(shippingZoneCountries.country));
  return rows.map((row) => row.country);
}

const countryCode = /^[A-Z]{2}$/;

/**
 * Creates or renames a zone and sets its countries, in one transaction with
 * its audit row. A country another zone holds is refused, naming that zone
 * (and, should two admins race for it, by the table's primary key).
 */
export async function saveShippingZone(deps: AdminDeps, input: ShippingZoneInput) {
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('Give the zone a name.', { field: 'name' });
  const countries = [...new Set(input.countries.map((c) => c.trim().toUpperCase()))].sort();
  const bad = countries.filter((c) => !countryCode.test(c));
  if (bad.length > 0) {
    throw new InvalidInputError(`Not a two-letter country code: ${bad.join(', ')}.`, {
      field: 'countries',
    });
  }
  if (countries.length === 0) {
    throw new InvalidInputError('A zone needs at least one country.', { field: 'countries' });
  }
  return deps.db.transaction(async (tx) => {
    let zoneId = input.id;
    let before: unknown = null;
    if (zoneId) {
      const [existing] = await tx.select().from(shippingZones).where(eq(shippingZones.id, zoneId));
      if (!existing) throw new NotFoundError('No such shipping zone.');
      const held = await tx
        .select({ country: shippingZoneCountries.country })
        .from(shippingZoneCountries)
        .where(eq(shippingZoneCountries.zoneId, zoneId));
      before = { name: existing.name, countries: held.map((c) => c.country).sort() };
      await tx
        .update(shippingZones)
        .set({ name, updatedAt: deps.now })
        .where(eq(shippingZones.id, zoneId));
    } else {
      const [created] = await tx
        .insert(shippingZones)
        .values({ name, createdAt: deps.now, updatedAt: deps.now })
        .returning({ id: shippingZones.id });
      zoneId = created?.id;
      if (!zoneId) throw new Error('the zone was not created');
    }
    const taken = await tx
      .select({ country: shippingZoneCountries.country, zone: shippingZones.name })
      .from(shippingZoneCountries)
      .innerJoin(shippingZones, eq(shippingZones.id, shippingZoneCountries.zoneId))
      .where(
        and(
          inArray(shippingZoneCountries.country, countries),
          ne(shippingZoneCountries.zoneId, zoneId),
        ),
      );
    if (taken.length > 0) {
      throw new InvalidInputError(
        `${taken.map((t) => `${t.country} is in ${t.zone}`).join('; ')}: a country belongs to one zone.`,
        { field: 'countries' },
      );
    }
    await tx.delete(shippingZoneCountries).where(eq(shippingZoneCountries.zoneId, zoneId));
    await tx
      .insert(shippingZoneCountries)
      .values(countries.map((country) => ({ country, zoneId })));
    const after = { name, countries };
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: input.id ? 'shipping_zone.update' : 'shipping_zone.create',
        entityType: 'shipping_zone',
        entityId: zoneId,
        before,
        after,
      },
      deps.now,
    );
    return { id: zoneId, ...after };
  });
}

/** Deletes a zone and its rates; orders keep the rate name they copied. */
export async function deleteShippingZone(deps: AdminDeps, zoneId: string) {
  return deps.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(shippingZones)
      .where(eq(shippingZones.id, zoneId))
      .returning({ id: shippingZones.id, name: shippingZones.name });
    if (!deleted) throw new NotFoundError('No such shipping zone.');
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: 'shipping_zone.delete',
        entityType: 'shipping_zone',
        entityId: zoneId,
        before: { name: deleted.name },
      },
      deps.now,
    );
  });
}

function checkRate(input: ShippingRateInput) {
  const problem = (message: string, field: string) => {
    throw new InvalidInputError(message, { field });
  };
  if (!input.name.trim()) problem('Give the rate a name shoppers understand.', 'name');
  if (input.minDays < 0 || input.maxDays < input.minDays) {
    problem('The delivery estimate needs 0 ≤ fewest days ≤ most days.', 'maxDays');
  }
  if (input.amount < 0) problem('A price cannot be negative.', 'amount');
  if (input.freeAbove !== null && input.freeAbove < 0) {
    problem('The free-shipping threshold cannot be negative.', 'freeAbove');
  }
  if (input.maxWeightGrams !== null && input.maxWeightGrams <= input.minWeightGrams) {
    problem('The weight band needs its upper bound above its lower one.', 'maxWeightGrams');
  }
}

/** Creates or changes a rate of a zone, with its audit row. */
export async function saveShippingRate(deps: AdminDeps, input: ShippingRateInput) {
  checkRate(input);
  const values = {
    zoneId: input.zoneId,
    name: input.name.trim(),
    minDays: input.minDays,
    maxDays: input.maxDays,
    currency: input.currency.toUpperCase(),
    amount: input.amount,
    freeAbove: input.freeAbove,
    minWeightGrams: input.minWeightGrams,
    maxWeightGrams: input.maxWeightGrams,
    active: input.active,
    position: input.position,
    updatedAt: deps.now,
  };
  return deps.db.transaction(async (tx) => {
    const [zone] = await tx
      .select({ id: shippingZones.id })
      .from(shippingZones)
      .where(eq(shippingZones.id, input.zoneId));
    if (!zone) throw new NotFoundError('No such shipping zone.');
    let before: unknown = null;
    let row: typeof shippingRates.$inferSelect | undefined;
    if (input.id) {
      const [existing] = await tx
        .select()
        .from(shippingRates)
        .where(eq(shippingRates.id, input.id));
      if (!existing) throw new NotFoundError('No such shipping rate.');
      before = toRate(existing);
      [row] = await tx
        .update(shippingRates)
        .set(values)
        .where(eq(shippingRates.id, input.id))
        .returning();
    } else {
      [row] = await tx
        .insert(shippingRates)
        .values({ ...values, createdAt: deps.now })
        .returning();
    }
    if (!row) throw new Error('the rate was not saved');
    const after = toRate(row);
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: input.id ? 'shipping_rate.update' : 'shipping_rate.create',
        entityType: 'shipping_rate',
        entityId: row.id,
        before,
        after,
      },
      deps.now,
    );
    return after;
  });
}
