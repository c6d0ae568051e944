import { randomBytes } from 'node:crypto';
import { invalidParam, StripeError } from './stripe-error.ts';
import { type FormObject, obj, str } from './stripe-form.ts';

/**
 * The payment stand-in's coupons, as Stripe's `/v1/coupons` and a Checkout
 * Session's `discounts[0][coupon]`: an amount or a percentage off the
 * session's items, at most `max_redemptions` times, until `redeem_by`. Dev
 * and tests only.
 */
export interface StandInCoupon {
  id: string;
  object: 'coupon';
  amount_off: number | null;
  percent_off: number | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  max_redemptions: number | null;
  redeem_by: number | null;
  times_redeemed: number;
  name: string | null;
  metadata: Record<string, string>;
  valid: boolean;
  livemode: false;
  created: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A coupon from `POST /v1/coupons`, checked as Stripe checks it. */
export function createCoupon(params: FormObject): StandInCoupon {
  const amountOff = str(params.amount_off);
  const percentOff = str(params.percent_off);
  if ((amountOff === undefined) === (percentOff === undefined)) {
    throw invalidParam('You must pass exactly one of amount_off or percent_off.', 'amount_off');
  }
  const amount = amountOff === undefined ? null : Number(amountOff);
  if (amount !== null && !(Number.isInteger(amount) && amount > 0)) {
    throw invalidParam('Invalid positive integer', 'amount_off');
  }
  const percent = percentOff === undefined ? null : Number(percentOff);
  if (percent !== null && !(percent > 0 && percent <= 100)) {
    throw invalidParam('percent_off must be between 0 and 100.', 'percent_off');
  }
  const currency = str(params.currency)?.toLowerCase() ?? null;
  if (amount !== null && !currency) {
    throw invalidParam('You must pass currency when passing amount_off.', 'currency');
  }
  const duration = str(params.duration) ?? 'once';
  if (duration !== 'once' && duration !== 'repeating' && duration !== 'forever') {
    throw invalidParam('Invalid duration: must be one of forever, once, or repeating', 'duration');
  }
  const redeemBy = str(params.redeem_by) ? Number(str(params.redeem_by)) : null;
  if (redeemBy !== null && !(Number.isInteger(redeemBy) && redeemBy > nowSeconds())) {
    throw invalidParam(
      'Invalid timestamp: must be an integer Unix timestamp in the future.',
      'redeem_by',
    );
  }
  const max = str(params.max_redemptions) ? Number(str(params.max_redemptions)) : null;
  if (max !== null && !(Number.isInteger(max) && max > 0)) {
    throw invalidParam('Invalid positive integer', 'max_redemptions');
  }
  const name = str(params.name) ?? null;
  if (name !== null && name.length > 40) {
    throw invalidParam('Coupon names must be at most 40 characters.', 'name');
  }
  return {
    id: randomBytes(6).toString('hex'),
    object: 'coupon',
    amount_off: amount,
    percent_off: percent,
    currency,
    duration,
    max_redemptions: max,
    redeem_by: redeemBy,
    times_redeemed: 0,
    name,
    metadata: Object.fromEntries(
      Object.entries(obj(params.metadata)).flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, v]] : [],
      ),
    ),
    valid: true,
    livemode: false,
    created: nowSeconds(),
  };
}

/** Whether the coupon can still be redeemed now. */
function redeemable(coupon: StandInCoupon): boolean {
  if (coupon.redeem_by !== null && coupon.redeem_by <= nowSeconds()) return false;
  return coupon.max_redemptions === null || coupon.times_redeemed < coupon.max_redemptions;
}

/**
 * The coupon a session's `discounts` names, checked for the session's
 * currency; null when it names none. Stripe takes one discount per session.
 */
export function sessionCoupon(
  params: FormObject,
  coupons: Map<string, StandInCoupon>,
  currency: string,
): StandInCoupon | null {
  const raw = params.discounts;
  if (raw === undefined || raw === '') return null;
  const list = Array.isArray(raw) ? raw : [];
  if (list.length !== 1) {
    throw invalidParam('You may only specify one discount per Checkout Session.', 'discounts');
  }
  const couponId = str(obj(list[0]).coupon);
  const coupon = couponId ? coupons.get(couponId) : undefined;
  if (!coupon) {
    throw new StripeError(
      400,
      'invalid_request_error',
      `No such coupon: '${couponId ?? ''}'`,
      'discounts[0][coupon]',
      'resource_missing',
    );
  }
  if (!redeemable(coupon)) {
    throw invalidParam(
      `This coupon (${coupon.id}) can no longer be redeemed.`,
      'discounts[0][coupon]',
    );
  }
  if (coupon.currency !== null && coupon.currency !== currency) {
    throw invalidParam(
      `The coupon's currency (${coupon.currency}) does not match the Checkout Session's (${currency}).`,
      'discounts[0][coupon]',
    );
  }
  return coupon;
}

/** What the coupon takes off items that come to `subtotal`: never more than they do. */
export function couponAmount(coupon: StandInCoupon | null, subtotal: number): number {
  if (!coupon) return 0;
  if (coupon.amount_off !== null) return Math.min(coupon.amount_off, subtotal);
  return Math.round((subtotal * (coupon.percent_off ?? 0)) / 100);
}

/** Marks a use when the session is paid; a coupon used up (or past redeem_by) refuses the payment. */
export function redeemCoupon(coupon: StandInCoupon) {
  if (!redeemable(coupon)) {
    throw invalidParam('The coupon on this checkout can no longer be redeemed.', 'discounts');
  }
  coupon.times_redeemed += 1;
}
