import { expect, type Page, test } from '@playwright/test';
import { countNumberFormats, isHydrated } from './support/number-formats.ts';

const SHELL = '/products/ridgeline-waterproof-shell';

async function addToCart(page: Page, path: string, quantity: number) {
  await page.goto(path);
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Added to your cart/)).toBeVisible();
}

const headerCart = (page: Page) =>
  page.getByRole('banner').getByRole('link', { name: /^Cart, \d+ items?$/ });

test('a shopper fills a cart, changes a quantity and empties it', {
  tag: '@smoke',
}, async ({ page }) => {
  await page.goto('/cart');
  await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 0 items');

  await addToCart(page, SHELL, 2);
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 2 items');
  await page.goto(SHELL);
  await page.getByRole('link', { name: 'Rust' }).click();
  await expect(page).toHaveURL(/colour=Rust/);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 3 items');

  await headerCart(page).click();
  await expect(page).toHaveURL(/\/cart$/);
  const lines = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Remove/ }) });
  await expect(lines).toHaveCount(2);
  await expect(page.getByText(/^Subtotal/)).toBeVisible();

  const first = lines.first();
  await first.getByLabel('Quantity').fill('100');
  await first.getByRole('button', { name: /^Update/ }).click();
  await expect(first.getByText('At most 99 of one item per order.')).toBeVisible();
  await first.getByLabel('Quantity').fill('1');
  await first.getByRole('button', { name: /^Update/ }).click();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 2 items');

  for (let i = 0; i < 2; i++)
    await lines
      .first()
      .getByRole('button', { name: /^Remove/ })
      .click();
  await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 0 items');
});

test('a sold-out product cannot be added, and says why', async ({ page }) => {
  await page.goto('/products/storm-anorak');
  const button = page.getByRole('button', { name: 'Add to cart' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Sold out/);
});

test('asking for more than the stock is refused next to the quantity', async ({ page }) => {
  await page.goto(SHELL);
  await page.getByLabel('Quantity').fill('99');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Only \d+ in stock\.$/)).toBeVisible();
  const quantity = page.getByLabel('Quantity');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(quantity).toHaveAccessibleDescription(/^Only \d+ in stock\.$/);
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 0 items');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a shopper adds to the cart and removes it with plain form posts', async ({ page }) => {
    await addToCart(page, SHELL, 1);
    await page.goto('/cart');
    await expect(headerCart(page)).toHaveAccessibleName('Cart, 1 item');
    await page.getByRole('button', { name: /^Remove/ }).click();
    await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
  });
});

test('a cart change sent from another site is refused and changes nothing', async ({ page }) => {
  await addToCart(page, SHELL, 1);
  // The shopper's own cart, read the way the shop's client reads it (a same-origin GET).
  const read = await page.request.get('/api/trpc/cart.get');
  expect(read.status()).toBe(200);
  const cart = (await read.json()) as {
    result: { data: { json: { lines: { variantId: string }[] } } };
  };
  const variantId = cart.result.data.json.lines[0]?.variantId;
  expect(variantId).toBeTruthy();

  for (const [procedure, input] of [
    ['cart.add', { variantId, quantity: 5 }],
    ['cart.setQuantity', { variantId, quantity: 9 }],
    ['cart.remove', { variantId }],
    ['checkout.start', undefined],
  ] as const) {
    // The visitor's cookies go along, as a forged form or fetch from another site would send them.
    const forged = await page.request.post(`/api/trpc/${procedure}`, {
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
      data: { json: input },
    });
    expect(forged.status(), procedure).toBe(403);
  }
  await page.goto('/cart');
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 1 item');
});

test('with JavaScript, a change shows at once, and one that fails is put back with a reason', async ({
  page,
}) => {
  const formatsMade = await countNumberFormats(page);
  await addToCart(page, SHELL, 2);
  await page.goto('/cart');
  const line = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Remove/ }) });
  // Its amounts come formatted from the server: hydrating the cart formats none.
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect.poll(() => isHydrated(summary)).toBe(true);
  expect(await formatsMade()).toBe(0);
  const subtotal = page.getByText(/^Subtotal/);
  const before = await subtotal.textContent();

  // Hold the change on its way: the page shows it before the server answers.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/trpc/cart.setQuantity*', async (route) => {
    await held;
    await route.continue();
  });
  await line.getByLabel('Quantity').fill('3');
  await line.getByRole('button', { name: /^Update/ }).click();
  await expect(page.getByText('3 items', { exact: true })).toBeVisible();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 2 items');
  // The new totals are the browser's own to format.
  await expect(subtotal).not.toHaveText(before ?? '');
  await expect(subtotal).toHaveText(/^Subtotal \$\d/);
  expect(await formatsMade()).toBeGreaterThan(0);
  // Checkout waits until the page and the server agree.
  await expect(page.getByRole('button', { name: 'Checkout' })).toBeDisabled();
  release();
  await expect(page.getByRole('button', { name: 'Checkout' })).toBeEnabled();
  await expect(headerCart(page)).toHaveAccessibleName('Cart, 3 items');

  // The shop cannot be reached: the line comes back, and the shopper is told.
  await page.route('**/api/trpc/cart.remove*', (route) => route.abort('failed'));
  await line.getByRole('button', { name: /^Remove/ }).click();
  await expect(line.getByRole('alert')).toHaveText(
    /could not be reached, so your cart is as it was/,
  );
  await expect(line).toHaveCount(1);
  await expect(page.getByText('3 items', { exact: true })).toBeVisible();
});
