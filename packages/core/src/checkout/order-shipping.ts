import { asc, type Database, eq, type ShippingOffer, shippingZoneCountries } from '@edgecart/db';
import { InvalidInputError } from '../errors.ts';
import {
  needsShipping,
  parcelWeight,
  type ShippableLine,
  shippingOptions,
} from '../shipping/shipping-options.ts';
import { ratesForCountry } from '../shipping/shipping-zones.ts';

/** What the payment page of an order that posts something asks and offers. */
export interface OrderShipping {
  /** The country the shopper chose before paying. */
  country: string;
  /** The countries of that country's zone: they share its rates, so the address may be in any. */
  allowedCountries: string[];
  offers: (ShippingOffer & { minDays: number; maxDays: number })[];
}

const countryCode = /^[A-Z]{2}$/;

/**
 * The shipping of an order being placed, inside its transaction: null when
 * nothing in it is posted; otherwise the options of `shipTo`'s zone that fit
 * the parcel, priced by the shop. Refused with a clear message when no
 * country was chosen, or when the shop does not post this parcel there.
 */
export async function shippingForOrder(
  tx: Database,
  parcel: {
    lines: readonly ShippableLine[];
    shipTo: string | null;
    currency: string;
    /** What the items come to after discounts: free-shipping thresholds count it. */
    subtotal: number;
    /** A promotion makes shipping free: the cheapest option costs nothing. */
    freeShipping?: boolean | undefined;
  },
): Promise<OrderShipping | null> {
  if (!needsShipping(parcel.lines)) return null;
  const country = parcel.shipTo?.trim().toUpperCase() ?? '';
  if (!countryCode.test(country)) {
    throw new InvalidInputError('Choose the country to ship to.', { field: 'shipTo' });
  }
  const options = shippingOptions(await ratesForCountry(tx, country), {
    currency: parcel.currency,
    subtotal: parcel.subtotal,
    weightGrams: parcelWeight(parcel.lines),
  });
  if (options.length === 0) {
    throw new InvalidInputError(
      `We do not ship this order to ${country}: choose another country, or remove the posted items.`,
      { field: 'shipTo' },
    );
  }
  const [zone] = await tx
    .select({ zoneId: shippingZoneCountries.zoneId })
    .from(shippingZoneCountries)
    .where(eq(shippingZoneCountries.country, country));
  const allowed = zone
    ? await tx
        .select({ country: shippingZoneCountries.country })
        .from(shippingZoneCountries)
        .where(eq(shippingZoneCountries.zoneId, zone.zoneId))
        .orderBy(asc(shippingZoneCountries.country))
    : [];
  const cheapest = options.reduce(
    (best, option, i) => (option.amount < (options[best]?.amount ?? Infinity) ? i : best),
    0,
  );
  return {
    country,
    allowedCountries: allowed.map((row) => row.country),
    offers: options.map((option, i) => ({
      rateId: option.rateId,
      name: option.name,
      amount: parcel.freeShipping && i === cheapest ? 0 : option.amount,
      providerRateId: null,
      minDays: option.minDays,
      maxDays: option.maxDays,
    })),
  };
}
