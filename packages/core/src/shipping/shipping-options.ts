/**
 * Which shipping rates a cart is offered: pure rules, the one place they live.
 * The Checkout Session offers these and nothing else, and the webhook checks
 * the amount the shopper paid for shipping against them.
 */

/** What shipping needs of a cart line. */
export interface ShippableLine {
  quantity: number;
  /** Of one unit. */
  weightGrams: number;
  requiresShipping: boolean;
}

/** A rate as the database holds it. */
export interface ShippingRate {
  id: string;
  name: string;
  minDays: number;
  maxDays: number;
  currency: string;
  amount: number;
  freeAbove: number | null;
  minWeightGrams: number;
  maxWeightGrams: number | null;
  active: boolean;
  position: number;
}

/** One choice on the payment page. */
export interface ShippingOption {
  rateId: string;
  name: string;
  /** What the shopper pays for it: 0 once the subtotal reaches the rate's `freeAbove`. */
  amount: number;
  currency: string;
  minDays: number;
  maxDays: number;
}

/** Checkout shows at most five shipping options. */
export const SHIPPING_OPTIONS_MAX = 5;

/** Whether anything in the cart is posted; a cart of downloads or gift cards asks no address. */
export const needsShipping = (lines: readonly ShippableLine[]): boolean =>
  lines.some((line) => line.requiresShipping && line.quantity > 0);

/** The parcel's weight: what is posted, unit weight times quantity. */
export const parcelWeight = (lines: readonly ShippableLine[]): number =>
  lines.reduce(
    (grams, line) => grams + (line.requiresShipping ? line.weightGrams * line.quantity : 0),
    0,
  );

/**
 * The options for a parcel of `weightGrams` worth `subtotal` (after any
 * discount) in `currency`, from the rates of the destination's zone: active
 * rates of that currency whose weight band holds the parcel, in the zone's
 * order, five at most.
 */
export function shippingOptions(
  rates: readonly ShippingRate[],
  parcel: { currency: string; subtotal: number; weightGrams: number },
): ShippingOption[] {
  return rates
    .filter(
      (rate) =>
        rate.active &&
        rate.currency === parcel.currency &&
        parcel.weightGrams >= rate.minWeightGrams &&
        (rate.maxWeightGrams === null || parcel.weightGrams < rate.maxWeightGrams),
    )
    .sort((a, b) => a.position - b.position || a.amount - b.amount || a.id.localeCompare(b.id))
    .slice(0, SHIPPING_OPTIONS_MAX)
    .map((rate) => ({
      rateId: rate.id,
      name: rate.name,
      amount: rate.freeAbove !== null && parcel.subtotal >= rate.freeAbove ? 0 : rate.amount,
      currency: rate.currency,
      minDays: rate.minDays,
      maxDays: rate.maxDays,
    }));
}
