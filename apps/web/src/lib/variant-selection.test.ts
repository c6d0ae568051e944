import type { ProductDetail } from '@edgecart/core';
import { describe, expect, it } from 'vitest';
import {
  optionChoices,
  selectionFromParams,
  selectVariant,
  variantHref,
} from './variant-selection.ts';

type Variant = ProductDetail['variants'][number];

const variant = (sku: string, options: Record<string, string>, stock: number): Variant => ({
  id: sku,
  sku,
  title: Object.values(options).join(' / '),
  options,
  price: { amount: 1000, currency: 'USD' },
  stockState: stock === 0 ? 'out_of_stock' : 'in_stock',
  remaining: null,
});

const variants = [
  variant('S-FOR', { Size: 'S', Colour: 'Forest' }, 0),
  variant('M-FOR', { Size: 'M', Colour: 'Forest' }, 4),
  variant('S-SAN', { Size: 'S', Colour: 'Sand' }, 9),
];
const options = [
  { name: 'Size', values: ['S', 'M'] },
  { name: 'Colour', values: ['Forest', 'Sand'] },
];

describe('variant selection in the URL', () => {
  it('reads known option values from lower-case keys and ignores the rest', () => {
    expect(selectionFromParams(options, { size: 'M', colour: 'Purple', other: 'x' })).toEqual({
      Size: 'M',
    });
  });

  it('prefers a variant in stock when the URL leaves an option open', () => {
    expect(selectVariant(variants, {})?.sku).toBe('M-FOR');
    expect(selectVariant(variants, { Size: 'S' })?.sku).toBe('S-SAN');
    expect(selectVariant(variants, { Size: 'S', Colour: 'Forest' })?.sku).toBe('S-FOR');
    expect(selectVariant(variants, { Size: 'M', Colour: 'Sand' })).toBeNull();
  });

  it('links every choice to a whole variant and says which can be bought', () => {
    const current = variants[1] as Variant;
    const sizes = optionChoices(
      { slug: 'parka', variants },
      options[0] as (typeof options)[0],
      current,
    );
    expect(sizes).toEqual([
      {
        value: 'S',
        selected: false,
        exists: true,
        inStock: false,
        href: '/products/parka?size=S&colour=Forest',
      },
      {
        value: 'M',
        selected: true,
        exists: true,
        inStock: true,
        href: '/products/parka?size=M&colour=Forest',
      },
    ]);
    const colours = optionChoices(
      { slug: 'parka', variants },
      options[1] as (typeof options)[1],
      current,
    );
    expect(colours[1]).toEqual({
      value: 'Sand',
      selected: false,
      exists: false,
      inStock: false,
      href: '/products/parka?size=S&colour=Sand',
    });
  });

  it('gives a plain product URL for a product without options', () => {
    expect(variantHref('gift-card', { options: {} })).toBe('/products/gift-card');
  });
});
