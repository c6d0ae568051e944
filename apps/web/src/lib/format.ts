import { formatMoney, type Money } from '@edgecart/core/money';

export { formatMoney, minorDigits } from '@edgecart/core/money';

/** "$12.50" or "From $12.50" when the variants' prices differ. */
export function formatPriceRange(from: Money, to: Money): string {
  return from.amount === to.amount ? formatMoney(from) : `From ${formatMoney(from)}`;
}
