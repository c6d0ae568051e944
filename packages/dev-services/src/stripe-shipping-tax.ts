import { randomBytes } from 'node:crypto';
import { invalidParam } from './stripe-error.ts';
import { type FormObject, type FormValue, obj, str } from './stripe-form.ts';

/**
 * The payment stand-in's shipping and tax, as Checkout does them: the
 * session's `shipping_address_collection` and `shipping_options`
 * (`shipping_rate_data`, fixed amounts), and `automatic_tax` worked out from
 * a small rate table that stands in for Stripe Tax. Dev and tests only.
 */

export type TaxBehavior = 'exclusive' | 'inclusive' | 'unspecified';

/** A shipping rate made from `shipping_rate_data` (Stripe's `shr_…`). */
export interface StandInShippingRate {
  id: string;
  display_name: string;
  amount: number;
  tax_behavior: TaxBehavior;
  tax_code: string | null;
  delivery_estimate: { minimum: number | null; maximum: number | null };
  metadata: Record<string, string>;
}

/** A shipping address in Stripe's shape. */
export interface StripeAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postal_code: string | null;
  country: string;
}

export interface CollectedShipping {
  name: string;
  address: StripeAddress;
}

/** A US address (Texas, 6.25 % in the table below) for tests that pay on a session that posts. */
export const STAND_IN_TEST_SHIPPING: CollectedShipping = {
  name: 'Ann Lee',
  address: {
    line1: '1 Congress Ave',
    line2: null,
    city: 'Austin',
    state: 'TX',
    postal_code: '78701',
    country: 'US',
  },
};

/**
 * Stripe Tax stands in as this table, in basis points (725 = 7.25 %): by
 * country, and in the United States by state. A destination not listed is
 * charged no tax. Shipping is taxed at the destination's rate like the items.
 * Illustrative figures, not tax advice: real Stripe Tax decides by where the
 * shop is registered, the product's tax code and much more.
 */
export const STAND_IN_TAX_RATES: {
  country: Record<string, number>;
  usState: Record<string, number>;
} = {
  country: {
    AU: 1000,
    BE: 2100,
    CA: 500,
    DE: 1900,
    FR: 2000,
    GB: 2000,
    IE: 2300,
    JP: 1000,
    LU: 1700,
    NL: 2100,
    NZ: 1500,
    SE: 2500,
    ZA: 1500,
  },
  usState: { CA: 725, NY: 400, TX: 625, WA: 650 },
};

/** The rate, in basis points, the table gives an address; 0 without one. */
export function taxRateOf(address: StripeAddress | null): number {
  if (!address) return 0;
  if (address.country === 'US') return STAND_IN_TAX_RATES.usState[address.state ?? ''] ?? 0;
  return STAND_IN_TAX_RATES.country[address.country] ?? 0;
}

/**
 * The tax in `amount` at `basisPoints`: added on top when exclusive (or
 * unspecified: the stand-in's default), the part of it that is tax when inclusive.
 */
export function taxIn(amount: number, basisPoints: number, behavior: TaxBehavior): number {
  if (basisPoints === 0) return 0;
  return behavior === 'inclusive'
    ? amount - Math.round((amount * 10_000) / (10_000 + basisPoints))
    : Math.round((amount * basisPoints) / 10_000);
}

export function taxBehaviorOf(value: FormValue | undefined, param: string): TaxBehavior {
  const behavior = str(value) ?? 'unspecified';
  if (behavior !== 'exclusive' && behavior !== 'inclusive' && behavior !== 'unspecified') {
    throw invalidParam(
      `Invalid tax_behavior: must be one of exclusive, inclusive, or unspecified`,
      param,
    );
  }
  return behavior;
}

/** `shipping_address_collection[allowed_countries]`: null when the session asks no address. */
export function allowedCountriesOf(params: FormObject): string[] | null {
  const collection = params.shipping_address_collection;
  if (collection === undefined) return null;
  const raw = obj(collection).allowed_countries;
  const countries = Array.isArray(raw) ? raw.map((c) => str(c) ?? '') : [];
  if (countries.length === 0) {
    throw invalidParam(
      'Missing required param: shipping_address_collection[allowed_countries].',
      'shipping_address_collection[allowed_countries]',
    );
  }
  const bad = countries.findIndex((c) => !/^[A-Z]{2}$/.test(c));
  if (bad >= 0) {
    throw invalidParam(
      `Invalid shipping_address_collection[allowed_countries][${bad}]: must be a two-letter country code`,
      `shipping_address_collection[allowed_countries][${bad}]`,
    );
  }
  return countries;
}

/** `shipping_options[i][shipping_rate_data]`, fixed amounts in the session's currency; five at most. */
export function shippingRatesOf(params: FormObject, currency: string): StandInShippingRate[] {
  const raw = params.shipping_options;
  if (raw === undefined) return [];
  const options = Array.isArray(raw) ? raw : [];
  if (options.length > 5) {
    throw invalidParam('You may only specify up to 5 shipping options.', 'shipping_options');
  }
  return options.map((value, i) => {
    const at = `shipping_options[${i}][shipping_rate_data]`;
    const data = obj(obj(value).shipping_rate_data);
    const name = str(data.display_name);
    if (!name) throw invalidParam('Missing required param.', `${at}[display_name]`);
    if ((str(data.type) ?? 'fixed_amount') !== 'fixed_amount') {
      throw invalidParam('Invalid type: must be fixed_amount', `${at}[type]`);
    }
    const fixed = obj(data.fixed_amount);
    const amount = Number(str(fixed.amount));
    if (!Number.isInteger(amount) || amount < 0) {
      throw invalidParam('Invalid integer.', `${at}[fixed_amount][amount]`);
    }
    if ((str(fixed.currency) ?? '').toLowerCase() !== currency) {
      throw invalidParam(
        'The shipping rate currency must match the currency of the line items.',
        `${at}[fixed_amount][currency]`,
      );
    }
    const estimate = obj(data.delivery_estimate);
    const days = (bound: FormValue | undefined) => {
      const value = str(obj(bound).value);
      return value === undefined ? null : Number(value);
    };
    return {
      id: `shr_${randomBytes(12).toString('hex')}`,
      display_name: name,
      amount,
      tax_behavior: taxBehaviorOf(data.tax_behavior, `${at}[tax_behavior]`),
      tax_code: str(data.tax_code) ?? null,
      delivery_estimate: { minimum: days(estimate.minimum), maximum: days(estimate.maximum) },
      metadata: Object.fromEntries(
        Object.entries(obj(data.metadata)).flatMap(([k, v]) =>
          typeof v === 'string' ? [[k, v]] : [],
        ),
      ),
    };
  });
}

/**
 * The shipping name and address as the hosted page's form (or `pay()`)
 * gives them; a message for the shopper when one is missing or the country
 * is not one the session ships to.
 */
export function collectedShippingOf(
  fields: Record<string, string | null | undefined>,
  allowedCountries: string[],
): CollectedShipping | { problem: string } {
  const get = (name: string) => (fields[name] ?? '').trim();
  const missing = [
    ['name', 'Full name'],
    ['line1', 'Address line 1'],
    ['city', 'City'],
    ['postal_code', 'Postal code'],
    ['country', 'Country'],
  ].find(([name]) => !get(name ?? ''));
  if (missing) return { problem: `${missing[1]} is required.` };
  const country = get('country').toUpperCase();
  if (!allowedCountries.includes(country)) {
    return { problem: `This shop does not ship to ${country}.` };
  }
  return {
    name: get('name'),
    address: {
      line1: get('line1'),
      line2: get('line2') || null,
      city: get('city'),
      state: get('state') || null,
      postal_code: get('postal_code') || null,
      country,
    },
  };
}

/** `total` spread over `amounts` in proportion, in whole units (the remainder to the largest). */
function spreadOver(total: number, amounts: number[]): number[] {
  const sum = amounts.reduce((s, a) => s + a, 0);
  if (sum === 0 || total === 0) return amounts.map(() => 0);
  const shares = amounts.map((a) => Math.floor((total * a) / sum));
  const largest = amounts.indexOf(Math.max(...amounts));
  shares[largest] = (shares[largest] ?? 0) + total - shares.reduce((s, x) => s + x, 0);
  return shares;
}

/**
 * A completed session's amounts: items, less the discount (spread over the
 * items in proportion, as Stripe does for tax), the chosen shipping, and tax
 * from the table on what is left.
 */
export function settleAmounts(options: {
  lines: { amount: number; tax_behavior: TaxBehavior }[];
  shipping: StandInShippingRate | null;
  automaticTax: boolean;
  address: StripeAddress | null;
  /** What the session's coupon takes off the items. */
  discount: number;
}) {
  const rate = options.automaticTax ? taxRateOf(options.address) : 0;
  const subtotal = options.lines.reduce((sum, line) => sum + line.amount, 0);
  const discounts = spreadOver(
    options.discount,
    options.lines.map((line) => line.amount),
  );
  const taxed = [
    ...options.lines.map((line, i) => ({ ...line, amount: line.amount - (discounts[i] ?? 0) })),
    ...(options.shipping
      ? [{ amount: options.shipping.amount, tax_behavior: options.shipping.tax_behavior }]
      : []),
  ].map((line) => ({ ...line, tax: taxIn(line.amount, rate, line.tax_behavior) }));
  const added = taxed
    .filter((line) => line.tax_behavior !== 'inclusive')
    .reduce((sum, line) => sum + line.tax, 0);
  const tax = taxed.reduce((sum, line) => sum + line.tax, 0);
  const shippingAmount = options.shipping?.amount ?? 0;
  const shippingTax = options.shipping
    ? taxIn(options.shipping.amount, rate, options.shipping.tax_behavior)
    : 0;
  return {
    amount_subtotal: subtotal,
    amount_total: subtotal - options.discount + shippingAmount + added,
    total_details: {
      amount_discount: options.discount,
      amount_shipping: shippingAmount,
      amount_tax: tax,
    },
    shipping_cost: options.shipping
      ? {
          amount_subtotal: shippingAmount,
          amount_tax: shippingTax,
          amount_total:
            shippingAmount + (options.shipping.tax_behavior === 'inclusive' ? 0 : shippingTax),
          shipping_rate: options.shipping.id,
        }
      : null,
  };
}
