import { describe, expect, it } from 'vitest';
import {
  parseProductQuery,
  productQueryHref,
  searchParamsOf,
  toListInput,
} from './product-query.ts';

describe('product listing URLs', () => {
  it('round-trips a listing through its URL', () => {
    const query = parseProductQuery({
      q: ' wool ',
      collection: 'outerwear',
      min: '20',
      max: '150',
      stock: 'in',
      sort: 'price-asc',
    });
    expect(query).toEqual({
      q: 'wool',
      collection: 'outerwear',
      min: 20,
      max: 150,
      inStock: true,
      sort: 'price-asc',
    });
    expect(productQueryHref('/products', query)).toBe(
      '/products?q=wool&collection=outerwear&min=20&max=150&stock=in&sort=price-asc',
    );
    expect(toListInput(query)).toMatchObject({ minPrice: 2000, maxPrice: 15000 });
  });

  it('drops what a hand-edited URL gets wrong instead of failing', () => {
    expect(
      parseProductQuery({
        q: 'x'.repeat(500),
        collection: '../../etc',
        min: '-5',
        max: 'lots',
        sort: 'popularity',
      }),
    ).toEqual({
      q: 'x'.repeat(100),
      collection: undefined,
      min: undefined,
      max: undefined,
      inStock: undefined,
      // A search lists the best matches first unless told otherwise.
      sort: 'relevance',
    });
  });

  it('swaps a price range given the wrong way round', () => {
    expect(parseProductQuery({ min: '90', max: '10' })).toMatchObject({ min: 10, max: 90 });
  });

  it('leaves defaults out of the URL: featured for a listing, best match for a search', () => {
    expect(productQueryHref('/products', { sort: 'featured' })).toBe('/products');
    expect(productQueryHref('/products', { q: 'wool', sort: 'relevance' })).toBe(
      '/products?q=wool',
    );
    expect(productQueryHref('/products', { q: 'wool', sort: 'featured' })).toBe(
      '/products?q=wool&sort=featured',
    );
    expect(parseProductQuery({ q: 'wool', sort: '' }).sort).toBe('relevance');
    expect(parseProductQuery({ sort: '' }).sort).toBe('featured');
  });

  it('reads whole amounts from 0 to 1,000,000 and nothing else', () => {
    const read = (min: string) => parseProductQuery({ min }).min;
    expect([' 20 ', '1e3', '0', '1000000'].map(read)).toEqual([20, 1000, 0, 1_000_000]);
    expect(['', '2.5', '-1', '1000001', 'Infinity', 'ten'].map(read)).toEqual(
      Array(6).fill(undefined),
    );
  });

  it('reads a URL’s query the way a page receives it', () => {
    const params = searchParamsOf(new URLSearchParams('sort=name&sort=newest&q=a+b&stock='));
    expect(params).toEqual({ sort: ['name', 'newest'], q: 'a b', stock: '' });
    expect(parseProductQuery(params)).toMatchObject({ sort: 'name', q: 'a b', inStock: undefined });
  });
});
