import type { Money } from '@edgecart/core';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  return formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$12.50" from { amount: 1250, currency: 'USD' }. */
export function formatMoney({ amount, currency }: Money): string {
  return formatter(currency).format(amount / 10 ** minorDigits(currency));
}

/** "$12.50" or "From $12.50" when the variants' prices differ. */
export function formatPriceRange(from: Money, to: Money): string {
  return from.amount === to.amount ? formatMoney(from) : `From ${formatMoney(from)}`;
}
