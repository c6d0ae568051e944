import { describe, expect, it } from 'vitest';
import { formatPriceRange } from './format.ts';

describe('price ranges', () => {
  it('says "From" when variants of a product cost different amounts', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    expect(formatPriceRange(usd(900), usd(900))).toBe('$9.00');
    expect(formatPriceRange(usd(900), usd(1900))).toBe('From $9.00');
  });
});
