import { formatMoney, type Money } from '@edgecart/core/money';

export { formatMoney, minorDigits } from '@edgecart/core/money';

/** "$12.50" or "From $12.50" when the variants' prices differ. */
export function formatPriceRange(from: Money, to: Money): string {
  return from.amount === to.amount ? formatMoney(from) : `From ${formatMoney(from)}`;
}

/** Amounts already formatted, by `moneyKey`: what a server render hands a client component. */
export type FormattedMoney = Record<string, string>;

const moneyKey = ({ amount, currency }: Money) => `${amount} ${currency}`;

function isMoney(value: object): value is Money {
  return (
    'amount' in value &&
    'currency' in value &&
    typeof value.amount === 'number' &&
    typeof value.currency === 'string'
  );
}

/**
 * Every amount in `data` (an API answer: objects and arrays of any depth),
 * formatted on the server. A client component that shows them looks them up
 * with `moneyFormatter` instead of formatting them itself, so hydrating it
 * makes no `Intl.NumberFormat` (a tab's first costs 30-100 ms of main thread).
 */
export function formattedMoneyIn(data: unknown, into: FormattedMoney = {}): FormattedMoney {
  if (typeof data !== 'object' || data === null) return into;
  if (Array.isArray(data)) {
    for (const item of data) formattedMoneyIn(item, into);
  } else if (isMoney(data)) {
    into[moneyKey(data)] = formatMoney(data);
  } else {
    for (const value of Object.values(data)) formattedMoneyIn(value, into);
  }
  return into;
}

/** Formats an amount: from `formatted` when the server did it, otherwise here. */
export function moneyFormatter(formatted: FormattedMoney): (money: Money) => string {
  return (money) => formatted[moneyKey(money)] ?? formatMoney(money);
}
