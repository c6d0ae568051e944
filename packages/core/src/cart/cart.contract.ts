import {
  cartItems,
  carts,
  type Database,
  eq,
  products,
  productVariants,
  users,
} from '@edgecart/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { CART_LINES_MAX, CART_UNITS_MAX } from '../limits.ts';
import { insertProduct } from '../testing/fixtures.ts';
import { addToCart, mergeGuestCart, removeFromCart, setCartQuantity } from './change-cart.ts';
import type { CartOwner } from './owner.ts';
import { readCart } from './read-cart.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

/** The cart on every database driver. */
export function describeCartContract(
  driver: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
  options: {
    /** False for the Worker's per-request database, which runs one transaction at a time. */
    concurrentTransactions: boolean;
  },
) {
  const { concurrentTransactions } = options;
  describe(`the cart on ${driver}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let tick = 0;
    /** A later instant on every call: lines keep the order they were added in. */
    const deps = () => ({ db, now: new Date(now.getTime() + tick++ * 1_000) });

    beforeAll(async () => {
      ({ db, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    /** A product with one variant per stock figure, priced 1250, 2500, … */
    async function product(stocks: number[], status: 'active' | 'draft' = 'active') {
      const { productId, variantIds } = await insertProduct(db, {
        prefix: 'cart-test',
        noun: 'Lamp',
        status,
        variants: stocks.map((stock, i) => ({
          stock,
          price: 1250 * (i + 1),
          options: { Size: String(i) },
        })),
      });
      return { productId, variants: variantIds };
    }
    async function failure(promise: Promise<unknown>) {
      return promise.then(
        () => null,
        (error: unknown) => error,
      );
    }
    async function newUser() {
      const [user] = await db
        .insert(users)
        .values({ email: `cart-${crypto.randomUUID().slice(0, 8)}@example.com`, passwordHash: 'x' })
        .returning({ id: users.id });
      if (!user) throw new Error('no user');
      return user.id;
    }

    it('gives a guest a cart on the first add, held by a token, with prices from the database', async () => {
      const { variants } = await product([5, 5]);
      const [small = '', large = ''] = variants;
      const added = await addToCart(
        deps(),
        { guestToken: null },
        { variantId: small, quantity: 2 },
      );
      expect(added.newGuestToken).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
      const owner = { guestToken: added.newGuestToken };
      expect(
        (await addToCart(deps(), owner, { variantId: large, quantity: 1 })).newGuestToken,
      ).toBeNull();
      const cart = await readCart(db, owner);
      expect(cart.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal, l.state])).toEqual([
        [2, { amount: 1250, currency: 'EUR' }, { amount: 2500, currency: 'EUR' }, 'ok'],
        [1, { amount: 2500, currency: 'EUR' }, { amount: 2500, currency: 'EUR' }, 'ok'],
      ]);
      expect(cart.itemCount).toBe(3);
      expect(cart.subtotal).toEqual({ amount: 5000, currency: 'EUR' });
      expect(cart.checkoutProblem).toBeNull();
    });

    it('sums adds, and refuses more than the stock or 99, saying how many are left', async () => {
      const { variants } = await product([3, 500, 0]);
      const [few = '', many = '', none = ''] = variants;
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId: few, quantity: 2 },
      );
      const owner = { guestToken: newGuestToken };
      const tooMany = await failure(addToCart(deps(), owner, { variantId: few, quantity: 2 }));
      expect(tooMany).toBeInstanceOf(InvalidInputError);
      expect((tooMany as Error).message).toBe('Only 3 in stock (you have 2 in your cart).');
      await addToCart(deps(), owner, { variantId: few, quantity: 1 });
      await addToCart(deps(), owner, { variantId: many, quantity: 99 });
      const over99 = await failure(addToCart(deps(), owner, { variantId: many, quantity: 1 }));
      expect((over99 as Error).message).toMatch(/At most 99/);
      const soldOut = await failure(addToCart(deps(), owner, { variantId: none, quantity: 1 }));
      expect((soldOut as Error).message).toBe('Sold out.');
      const cart = await readCart(db, owner);
      expect(cart.lines.map((l) => l.quantity)).toEqual([3, 99]);
    });

    it('refuses a variant that does not exist or is not on sale, creating nothing', async () => {
      const { variants } = await product([5], 'draft');
      const before = await db.$count(carts);
      for (const variantId of [variants[0] ?? '', crypto.randomUUID()]) {
        const error = await failure(
          addToCart(deps(), { guestToken: null }, { variantId, quantity: 1 }),
        );
        expect(error).toBeInstanceOf(NotFoundError);
      }
      expect(await db.$count(carts)).toBe(before);
    });

    it('sets a quantity within 1..stock, and removes a line', async () => {
      const { variants } = await product([4]);
      const variantId = variants[0] ?? '';
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId, quantity: 1 },
      );
      const owner = { guestToken: newGuestToken };
      await setCartQuantity(deps(), owner, { variantId, quantity: 4 });
      expect((await readCart(db, owner)).lines[0]?.quantity).toBe(4);
      const over = await failure(setCartQuantity(deps(), owner, { variantId, quantity: 5 }));
      expect((over as Error).message).toBe('Only 4 in stock.');
      const missing = await failure(
        setCartQuantity(deps(), owner, { variantId: crypto.randomUUID(), quantity: 1 }),
      );
      expect(missing).toBeInstanceOf(NotFoundError);
      await removeFromCart(deps(), owner, { variantId });
      await removeFromCart(deps(), owner, { variantId });
      expect(await readCart(db, owner)).toMatchObject({ lines: [], itemCount: 0, subtotal: null });
    });

    it('reads a forged or tampered token as no cart, and never adds to another cart through it', async () => {
      const { variants } = await product([5]);
      const variantId = variants[0] ?? '';
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId, quantity: 1 },
      );
      const [id] = (newGuestToken ?? '').split('.');
      for (const guestToken of [`${id}.${'a'.repeat(32)}`, 'not-a-token', `${id}`]) {
        expect((await readCart(db, { guestToken })).lines).toEqual([]);
        const added = await addToCart(deps(), { guestToken }, { variantId, quantity: 1 });
        expect(added.newGuestToken).not.toBe(newGuestToken);
      }
      expect((await readCart(db, { guestToken: newGuestToken })).lines[0]?.quantity).toBe(1);
    });

    it('shows a line as short, sold out or unavailable, and keeps the cart from checkout', async () => {
      const { productId, variants } = await product([5, 5, 5]);
      const [a = '', b = '', c = ''] = variants;
      const userId = await newUser();
      const owner: CartOwner = { userId };
      for (const variantId of [a, b]) await addToCart(deps(), owner, { variantId, quantity: 3 });
      await db.update(productVariants).set({ stock: 2 }).where(eq(productVariants.id, a));
      await db.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, b));
      expect((await readCart(db, owner)).lines.map((l) => l.state)).toEqual(['short', 'sold-out']);
      const { variants: others } = await product([5]);
      await addToCart(deps(), owner, { variantId: others[0] ?? '', quantity: 1 });
      await addToCart(deps(), owner, { variantId: c, quantity: 1 });
      await db.update(products).set({ status: 'archived' }).where(eq(products.id, productId));
      const cart = await readCart(db, owner);
      expect(cart.lines.map((l) => l.state)).toEqual([
        'unavailable',
        'unavailable',
        'ok',
        'unavailable',
      ]);
      expect(cart.subtotal).toEqual({ amount: 1250, currency: 'EUR' });
      expect(cart.checkoutProblem).toMatch(/change or remove them/);
    });

    it('merges a guest cart into the user’s at log-in, summed and capped by stock', async () => {
      const { variants } = await product([4, 9]);
      const [a = '', b = ''] = variants;
      const userId = await newUser();
      await addToCart(deps(), { userId }, { variantId: a, quantity: 3 });
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId: a, quantity: 2 },
      );
      const guest = { guestToken: newGuestToken };
      await addToCart(deps(), guest, { variantId: b, quantity: 1 });
      await mergeGuestCart(deps(), newGuestToken ?? '', userId);
      const cart = await readCart(db, { userId });
      expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([
        [a, 4],
        [b, 1],
      ]);
      expect(await readCart(db, guest)).toMatchObject({ lines: [] });
      // Merging again (a second log-in with the old cookie) changes nothing.
      await mergeGuestCart(deps(), newGuestToken ?? '', userId);
      expect((await readCart(db, { userId })).itemCount).toBe(5);
    });

    it('holds at most CART_LINES_MAX items and CART_UNITS_MAX units, saying what to do, and always lets a cart shrink', async () => {
      const { variants } = await product(Array.from({ length: CART_LINES_MAX + 1 }, () => 500));
      const userId = await newUser();
      const owner: CartOwner = { userId };
      const first = variants[0] ?? '';
      const last = variants[CART_LINES_MAX] ?? '';
      for (const variantId of variants.slice(0, CART_LINES_MAX)) {
        await addToCart(deps(), owner, { variantId, quantity: 1 });
      }
      const oneMoreLine = await failure(addToCart(deps(), owner, { variantId: last, quantity: 1 }));
      expect(oneMoreLine).toBeInstanceOf(InvalidInputError);
      expect((oneMoreLine as Error).message).toBe(
        `A cart holds at most ${CART_LINES_MAX} different items: remove one to add another.`,
      );
      // More of a line already there is not another line.
      await addToCart(deps(), owner, { variantId: first, quantity: 1 });

      // Up to the most units, then no further, by adding or by setting a quantity.
      let units = CART_LINES_MAX + 1;
      for (const variantId of variants.slice(1, CART_LINES_MAX)) {
        const more = Math.min(98, CART_UNITS_MAX - units);
        if (more <= 0) break;
        await addToCart(deps(), owner, { variantId, quantity: more });
        units += more;
      }
      expect((await readCart(db, owner)).itemCount).toBe(CART_UNITS_MAX);
      const oneMoreUnit = await failure(
        addToCart(deps(), owner, { variantId: first, quantity: 1 }),
      );
      expect((oneMoreUnit as Error).message).toBe(
        `A cart holds at most ${CART_UNITS_MAX} items in all: remove some to add others.`,
      );
      expect((oneMoreUnit as InvalidInputError).field).toBe('quantity');
      await setCartQuantity(deps(), owner, { variantId: first, quantity: 1 });
      const setMore = await failure(
        setCartQuantity(deps(), owner, { variantId: first, quantity: 3 }),
      );
      expect((setMore as Error).message).toBe(
        `A cart holds at most ${CART_UNITS_MAX} items in all: you can add 1 more.`,
      );
      await setCartQuantity(deps(), owner, { variantId: first, quantity: 2 });
      const cart = await readCart(db, owner);
      expect([cart.lines.length, cart.itemCount, cart.checkoutProblem]).toEqual([
        CART_LINES_MAX,
        CART_UNITS_MAX,
        null,
      ]);

      // A cart filled before the limits: it cannot check out, and it can be lowered.
      await db.insert(cartItems).values({
        cartId: (await db.select().from(carts).where(eq(carts.userId, userId)))[0]?.id ?? '',
        variantId: last,
        quantity: 3,
        addedAt: now,
      });
      const over = await readCart(db, owner);
      expect(over.checkoutProblem).toBe(
        `A cart holds at most ${CART_LINES_MAX} different items: remove 1 to check out.`,
      );
      await setCartQuantity(deps(), owner, { variantId: last, quantity: 2 });
      await removeFromCart(deps(), owner, { variantId: last });
      expect((await readCart(db, owner)).checkoutProblem).toBeNull();
    });

    it('merges a guest cart only as far as the user’s cart has room', async () => {
      const { variants } = await product(Array.from({ length: CART_LINES_MAX + 2 }, () => 500));
      const userId = await newUser();
      const mine = variants.slice(0, CART_LINES_MAX - 1);
      for (const variantId of mine) await addToCart(deps(), { userId }, { variantId, quantity: 1 });
      await addToCart(deps(), { userId }, { variantId: mine[0] ?? '', quantity: 90 });
      // The guest's lines in the order they were added: one new line fits, the next two do not,
      // and the last, already in the user's cart, grows only as far as the units allow.
      const [fits = '', ...noRoom] = variants.slice(CART_LINES_MAX - 1);
      const { newGuestToken } = await addToCart(
        deps(),
        { guestToken: null },
        { variantId: fits, quantity: 1 },
      );
      const guest = { guestToken: newGuestToken };
      for (const variantId of noRoom) await addToCart(deps(), guest, { variantId, quantity: 1 });
      await addToCart(deps(), guest, { variantId: mine[1] ?? '', quantity: 99 });
      await mergeGuestCart(deps(), newGuestToken ?? '', userId);
      const cart = await readCart(db, { userId });
      expect(cart.lines.length).toBe(CART_LINES_MAX);
      expect(cart.itemCount).toBe(CART_UNITS_MAX);
      expect(cart.lines.map((l) => l.variantId)).toContain(fits);
      expect(cart.lines.map((l) => l.variantId)).not.toContain(noRoom[0]);
      expect(cart.lines.find((l) => l.variantId === mine[1])?.quantity).toBe(
        // What is left beside the first line's 91 and the other lines' one each.
        CART_UNITS_MAX - 91 - (CART_LINES_MAX - 2),
      );
      expect(cart.checkoutProblem).toBeNull();
    });

    if (!concurrentTransactions) return;
    it('sums concurrent adds to one cart instead of losing any', async () => {
      const { variants } = await product([50]);
      const variantId = variants[0] ?? '';
      const userId = await newUser();
      await Promise.all(
        Array.from({ length: 12 }, () => addToCart(deps(), { userId }, { variantId, quantity: 2 })),
      );
      const [line] = await db.select().from(cartItems).where(eq(cartItems.variantId, variantId));
      expect(line?.quantity).toBe(24);
    });
  });
}
