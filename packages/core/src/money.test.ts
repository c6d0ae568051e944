import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, minorDigits } from './money.ts';

describe('money', () => {
  it('reads minor units in the currency’s own digits', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(formatAmount(1250, 'USD')).toBe('$12.50');
    expect(formatAmount(1250, 'JPY')).toBe('¥1,250');
    expect(formatMoney({ amount: 123456, currency: 'EUR' })).toBe('€1,234.56');
  });

  it('refuses a code that is not a currency', () => {
    expect(() => formatAmount(100, 'dollars')).toThrow(RangeError);
  });
});
