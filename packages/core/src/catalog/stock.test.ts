import { describe, expect, it } from 'vitest';
import { productOptions } from './get-product.ts';
import { LOW_STOCK_THRESHOLD, stockState } from './stock.ts';

describe('stock state', () => {
  it('is out of stock at zero, low up to the threshold, in stock above', () => {
    expect(stockState(0)).toBe('out_of_stock');
    expect(stockState(1)).toBe('low_stock');
    expect(stockState(LOW_STOCK_THRESHOLD)).toBe('low_stock');
    expect(stockState(LOW_STOCK_THRESHOLD + 1)).toBe('in_stock');
  });
});

describe('product options', () => {
  it('lists names and values in the order the variants first use them', () => {
    expect(
      productOptions([
        { options: { Size: 'S', Colour: 'Forest' } },
        { options: { Size: 'M', Colour: 'Forest' } },
        { options: { Size: 'S', Colour: 'Sand' } },
      ]),
    ).toEqual([
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Forest', 'Sand'] },
    ]);
    expect(productOptions([{ options: {} }])).toEqual([]);
  });
});
