import { describe, expect, it } from 'vitest';
import { formatMoney, formatPriceRange, minorDigits } from './format.ts';

describe('money formatting', () => {
  it('formats minor units in the currency of the amount', () => {
    expect(formatMoney({ amount: 1250, currency: 'USD' })).toBe('$12.50');
    expect(formatMoney({ amount: 1250, currency: 'JPY' })).toBe('¥1,250');
    expect(minorDigits('EUR')).toBe(2);
  });

  it('says "From" when variants of a product cost different amounts', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    expect(formatPriceRange(usd(900), usd(900))).toBe('$9.00');
    expect(formatPriceRange(usd(900), usd(1900))).toBe('From $9.00');
  });
});
