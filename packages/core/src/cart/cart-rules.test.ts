import { describe, expect, it } from 'vitest';
import { CART_LINES_MAX, CART_UNITS_MAX } from '../limits.ts';
import { type CartLine, cartOf, EMPTY_CART, withLineRestored, withQuantity } from './cart-rules.ts';

const line = (variantId: string, quantity: number, stock: number, amount = 1000): CartLine => ({
  variantId,
  productSlug: variantId,
  productTitle: variantId,
  variantTitle: 'Default',
  options: {},
  sku: variantId,
  quantity,
  unitPrice: { amount, currency: 'EUR' },
  lineTotal: { amount: amount * quantity, currency: 'EUR' },
  stock,
  state: quantity > stock ? 'short' : 'ok',
  image: null,
  posted: true,
});

describe('cart rules', () => {
  it('totals only what can be bought, and says why a cart cannot check out', () => {
    const cart = cartOf([line('a', 2, 5), line('b', 3, 1, 500)]);
    expect(cart.itemCount).toBe(5);
    expect(cart.subtotal).toEqual({ amount: 2000, currency: 'EUR' });
    expect(cart.checkoutProblem).toMatch(/not available as they are/);
    expect(cartOf([])).toBe(EMPTY_CART);
  });

  it('changes a quantity as the server will: line total, state, count and subtotal', () => {
    const cart = cartOf([line('a', 2, 5), line('b', 1, 3, 500)]);
    const more = withQuantity(cart, 'b', 4);
    expect(more.lines[1]).toMatchObject({
      quantity: 4,
      state: 'short',
      lineTotal: { amount: 2000 },
    });
    expect(more.subtotal?.amount).toBe(2000);
    const fewer = withQuantity(more, 'b', 2);
    expect(fewer.lines[1]?.state).toBe('ok');
    expect(fewer.subtotal?.amount).toBe(3000);
    expect(fewer.checkoutProblem).toBeNull();
  });

  it('keeps a cart past the most lines or units from checkout, saying how much to remove', () => {
    const lines = Array.from({ length: CART_LINES_MAX }, (_, i) => line(`v${i}`, 1, 500));
    expect(cartOf(lines).checkoutProblem).toBeNull();
    expect(cartOf([...lines, line('one-more', 1, 500)]).checkoutProblem).toBe(
      `A cart holds at most ${CART_LINES_MAX} different items: remove 1 to check out.`,
    );
    const full = withQuantity(cartOf(lines), 'v0', CART_UNITS_MAX - CART_LINES_MAX + 1);
    expect(full.itemCount).toBe(CART_UNITS_MAX);
    expect(full.checkoutProblem).toBeNull();
    expect(withQuantity(full, 'v1', 4).checkoutProblem).toBe(
      `A cart holds at most ${CART_UNITS_MAX} items in all: remove 3 to check out.`,
    );
  });

  it('removes a line at 0, leaves an unavailable line unavailable, and empties the cart', () => {
    const cart = cartOf([{ ...line('a', 1, 5), state: 'unavailable' }, line('b', 1, 5)]);
    expect(withQuantity(cart, 'a', 3).lines[0]?.state).toBe('unavailable');
    const removed = withQuantity(withQuantity(cart, 'a', 0), 'b', 0);
    expect(removed).toEqual(EMPTY_CART);
  });

  it('puts a refused change’s line back where it was, keeping the others', () => {
    const before = cartOf([line('a', 1, 5), line('b', 1, 5), line('c', 1, 5)]);
    const current = withQuantity(withQuantity(before, 'b', 0), 'c', 2);
    const restored = withLineRestored(current, before, 'b');
    expect(restored.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ]);
    expect(restored.itemCount).toBe(4);
  });
});
