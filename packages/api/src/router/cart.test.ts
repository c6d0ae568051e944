import { loadArgon2 } from '@edgecart/auth/argon2-node';
import { placeOrder } from '@edgecart/core';
import { type Database, eq, outbox, productVariants } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { seedCatalog } from '@edgecart/db/seed';
import type Argon2 from '@phi-ag/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createBrowser } from '../testing/account-http.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;
let inStock: { id: string; price: number; stock: number }[];
const PASSWORD = 'lantern quietly orbit';

beforeAll(async () => {
  ({ db, close } = await createPgliteDb());
  await seedCatalog(db);
  argon2 = await loadArgon2();
  const variants = await db
    .select({ id: productVariants.id, price: productVariants.price, stock: productVariants.stock })
    .from(productVariants)
    .orderBy(productVariants.sku);
  inStock = variants.filter((v) => v.stock >= 3);
});
afterAll(async () => {
  await close?.();
});

type CartReply = {
  lines: { variantId: string; quantity: number; unitPrice: { amount: number } }[];
  itemCount: number;
  subtotal: { amount: number; currency: string } | null;
};
const cartOf = (reply: { body: { result?: { data?: { json?: unknown } } } }) =>
  reply.body.result?.data?.json as CartReply;

async function signUp(browser: Browser) {
  const email = `cart-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await browser.call('account.signUp', { email, password: PASSWORD });
  const [mail] = await db.select().from(outbox).where(eq(outbox.to, email));
  const token = decodeURIComponent(/token=(\S+)/.exec(mail?.body ?? '')?.[1] ?? '');
  expect((await browser.call('account.confirmSignUp', { token })).status).toBe(200);
  return email;
}

describe('the cart API over HTTP', () => {
  it('keeps a guest cart in an HttpOnly cookie, priced by the server', async () => {
    const guest = createBrowser(db, argon2);
    const [first, second] = inStock;
    if (!first || !second) throw new Error('the seed has no stock');
    const added = await guest.call('cart.add', { variantId: first.id, quantity: 2 });
    expect(added.status).toBe(200);
    expect(added.setCookies).toEqual([
      expect.stringMatching(/^cart=[a-z2-7.]+; Max-Age=2592000; .*HttpOnly/),
    ]);
    await guest.call('cart.add', { variantId: second.id, quantity: 1 });
    const cart = cartOf(await guest.call('cart.get', undefined, 'GET'));
    expect(cart.itemCount).toBe(3);
    expect(cart.subtotal?.amount).toBe(first.price * 2 + second.price);
    // Another browser sees none of it.
    expect(
      cartOf(await createBrowser(db, argon2).call('cart.get', undefined, 'GET')).itemCount,
    ).toBe(0);
  });

  it('ignores a price the client sends', async () => {
    const guest = createBrowser(db, argon2);
    const [variant] = inStock;
    const reply = await guest.call('cart.add', { variantId: variant?.id, quantity: 1, price: 1 });
    expect(cartOf(reply).lines[0]?.unitPrice.amount).toBe(variant?.price);
  });

  it('answers bad input with 400 and a message, changing nothing', async () => {
    const guest = createBrowser(db, argon2);
    for (const input of [
      { variantId: 'not-a-uuid', quantity: 1 },
      { variantId: inStock[0]?.id, quantity: 0 },
      { variantId: inStock[0]?.id, quantity: 100 },
      { variantId: inStock[0]?.id, quantity: 1.5 },
      { variantId: inStock[0]?.id },
    ]) {
      const reply = await guest.call('cart.add', input);
      expect(reply.status).toBe(400);
      expect(reply.body.error?.json?.message).toBeTruthy();
    }
    const unknown = await guest.call('cart.add', { variantId: crypto.randomUUID(), quantity: 1 });
    expect(unknown.status).toBe(404);
    expect(guest.cookieNamed('cart')).toBeNull();
  });

  it('says how many are left when asked for more than the stock', async () => {
    const guest = createBrowser(db, argon2);
    const variant = inStock[0];
    const reply = await guest.call('cart.add', { variantId: variant?.id, quantity: 99 });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.json?.message).toBe(`Only ${variant?.stock} in stock.`);
  });

  it('merges the guest cart into the account at sign-up and log-in, and drops the cart cookie', async () => {
    const browser = createBrowser(db, argon2);
    const [first, second] = inStock;
    await browser.call('cart.add', { variantId: first?.id, quantity: 1 });
    const email = await signUp(browser);
    expect(browser.cookieNamed('cart')).toBeNull();
    expect(cartOf(await browser.call('cart.get', undefined, 'GET')).itemCount).toBe(1);

    await browser.call('account.logOut');
    expect(cartOf(await browser.call('cart.get', undefined, 'GET')).itemCount).toBe(0);
    await browser.call('cart.add', { variantId: first?.id, quantity: 1 });
    await browser.call('cart.add', { variantId: second?.id, quantity: 2 });
    await browser.call('account.logIn', { email, password: PASSWORD });
    const cart = cartOf(await browser.call('cart.get', undefined, 'GET'));
    expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      [first?.id, 2],
      [second?.id, 2],
    ]);
  });

  it('sets quantities and removes lines, answering the whole cart', async () => {
    const guest = createBrowser(db, argon2);
    const variantId = inStock[1]?.id;
    await guest.call('cart.add', { variantId, quantity: 1 });
    expect(cartOf(await guest.call('cart.setQuantity', { variantId, quantity: 3 })).itemCount).toBe(
      3,
    );
    expect(cartOf(await guest.call('cart.remove', { variantId })).itemCount).toBe(0);
    const gone = await guest.call('cart.setQuantity', { variantId, quantity: 1 });
    expect(gone.status).toBe(404);
  });
});

describe('orders', () => {
  it('lists and shows a shopper their own orders, and nobody else', async () => {
    const ann = createBrowser(db, argon2);
    await signUp(ann);
    const me = (await ann.call('account.me', undefined, 'GET')).body.result?.data?.json as {
      id: string;
    };
    await ann.call('cart.add', { variantId: inStock[0]?.id, quantity: 1 });
    const order = await placeOrder(
      { db, now: new Date() },
      { userId: me.id },
      {
        email: null,
        shipTo: 'US',
      },
    );

    const list = await ann.call('orders.list', undefined, 'GET');
    expect(list.body.result?.data?.json).toMatchObject([
      { id: order.id, status: 'pending', itemCount: 1 },
    ]);
    const mine = await ann.call('orders.get', { id: order.id }, 'GET');
    expect(mine.body.result?.data?.json).toMatchObject({
      number: order.number,
      items: [{ quantity: 1 }],
    });

    const bob = createBrowser(db, argon2);
    await signUp(bob);
    expect((await bob.call('orders.get', { id: order.id }, 'GET')).status).toBe(404);
    expect((await bob.call('orders.list', undefined, 'GET')).body.result?.data?.json).toEqual([]);
    const visitor = createBrowser(db, argon2);
    expect((await visitor.call('orders.list', undefined, 'GET')).status).toBe(401);
    expect((await visitor.call('orders.get', { id: 'not-an-id' }, 'GET')).status).toBe(401);
  });
});
