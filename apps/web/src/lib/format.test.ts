import { describe, expect, it } from 'vitest';
import { formatPriceRange, formattedMoneyIn, moneyFormatter } from './format.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('price ranges', () => {
  it('says "From" when variants of a product cost different amounts', () => {
    expect(formatPriceRange(usd(900), usd(900))).toBe('$9.00');
    expect(formatPriceRange(usd(900), usd(1900))).toBe('From $9.00');
  });
});

describe('amounts formatted on the server', () => {
  const cart = {
    lines: [
      { unitPrice: usd(1250), lineTotal: usd(2500), quantity: 2, options: { size: 'M' } },
      { unitPrice: { amount: 500, currency: 'JPY' }, lineTotal: null, image: null },
    ],
    subtotal: usd(3000),
    discount: { amount: usd(250), lines: [{ label: 'TEN', amount: usd(250) }] },
    itemCount: 3,
  };

  it('finds every amount at any depth, and nothing else', () => {
    expect(formattedMoneyIn(cart)).toEqual({
      '1250 USD': '$12.50',
      '2500 USD': '$25.00',
      '500 JPY': '¥500',
      '3000 USD': '$30.00',
      '250 USD': '$2.50',
    });
    expect(formattedMoneyIn({ amount: '12', currency: 'USD' })).toEqual({});
    expect(formattedMoneyIn(null)).toEqual({});
  });

  it('answers from the table, and formats what is not in it', () => {
    const format = moneyFormatter({ '1250 USD': 'from the server' });
    expect(format(usd(1250))).toBe('from the server');
    expect(format(usd(1251))).toBe('$12.51');
    expect(format({ amount: 1250, currency: 'EUR' })).toBe('€12.50');
  });
});
