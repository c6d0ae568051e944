import { expect, type Page, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/accounts.ts';
import { payOnStandIn } from './support/stand-in.ts';

const SHELL = '/products/ridgeline-waterproof-shell';

async function fillCart(page: Page) {
  await page.goto(SHELL);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Added to your cart/)).toBeVisible();
  await page.goto(`${SHELL}?size=M&colour=Navy`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Added to your cart/)).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(2);
}

/**
 * Puts two of `path` in the cart, starts a checkout, runs `whilePaying` on
 * the payment page, and comes back by its back link.
 */
async function checkOutAndGoBack(page: Page, path: string, whilePaying = async () => {}) {
  await page.goto(path);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Added to your cart/)).toBeVisible();
  await page.goto('/cart');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: /^Pay / })).toBeVisible();
  await whilePaying();
  await page.getByRole('link', { name: '← Back to the shop' }).click();
  await expect(page).toHaveURL(/\/cart\?checkout=cancelled&order=[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Payment cancelled: nothing was charged/)).toBeVisible();
}

async function payAsGuest(page: Page, email: string) {
  await page.getByRole('button', { name: 'Checkout' }).click();
  await payOnStandIn(page, { email });
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_/);
  await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible({
    timeout: 45_000,
  });
}

test('a guest buys two items: cart, checkout, Pay, a paid order and a confirmation', {
  tag: '@readme',
}, async ({ page, browser }) => {
  const email = uniqueEmail();
  await fillCart(page);
  await payAsGuest(page, email);
  const number = /Order #(\d+)/.exec(await page.getByRole('status').first().innerText())?.[1];
  expect(number).toBeTruthy();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 0 items' })).toBeVisible();
  await page.goto('/dev/outbox');
  const confirmation = page.getByRole('article', {
    name: `Your Edgecart order #${number} is confirmed to ${email}`,
  });
  await expect(confirmation).toBeVisible();

  // The guest's link opens the order from any browser, and only with its key.
  const link = /\/orders\/[0-9a-f-]{36}\?key=[a-z2-7]{32}/.exec(
    await confirmation.innerText(),
  )?.[0];
  expect(link).toBeTruthy();
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link ?? '');
  await expect(other.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  await expect(other.getByText('Paid', { exact: true })).toBeVisible();
  await expect(other.getByRole('row')).toHaveCount(3);
  const forged = await other.goto(`${link?.slice(0, -1)}${link?.endsWith('a') ? 'b' : 'a'}`);
  expect(forged?.status()).toBe(404);
  await expect(other.getByRole('heading', { name: 'This order link does not work' })).toBeVisible();
  await elsewhere.close();
});

test('a signed-in shopper ships express to an address, and finds the order in the account', async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await fillCart(page);
  await expect(page.getByLabel('Ship to')).toHaveValue('US');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Country')).toHaveValue('US');
  await payOnStandIn(page, { shipping: /^Express: 18\.00 USD/ });
  await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible({
    timeout: 45_000,
  });
  const amounts = page.locator('.order-amounts');
  await expect(amounts.getByText('Subtotal')).toBeVisible();
  await expect(amounts.getByText('Shipping (Express)')).toBeVisible();
  await expect(amounts.getByText('$18.00')).toBeVisible();
  // Tax is off on a new shop: no page speaks of it.
  await expect(amounts.getByText(/tax/i)).toHaveCount(0);
  const number = /Order #(\d+)/.exec(await page.getByRole('status').first().innerText())?.[1];
  await page.goto('/account');
  await page.getByRole('link', { name: `Order #${number}` }).click();
  await expect(page.getByRole('heading', { name: `Order #${number}` })).toBeVisible();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Shipping (Express)')).toBeVisible();
  const shipTo = page.getByRole('region', { name: 'Shipping to' });
  await expect(shipTo).toContainText('Ann Lee');
  await expect(shipTo).toContainText('1 Congress Ave');
  await expect(shipTo).toContainText('United States');

  await page.goto('/dev/outbox');
  const confirmation = page.getByRole('article', {
    name: `Your Edgecart order #${number} is confirmed to ${email}`,
  });
  await expect(confirmation).toContainText('Shipping (Express): $18.00');
  await expect(confirmation).toContainText('Shipping to:');
});

test('letting the payment page expire returns to the cart as it was', async ({ page }) => {
  await fillCart(page);
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByRole('button', { name: 'Let it expire' }).click();
  await expect(page).toHaveURL(/\/cart\?checkout=cancelled&order=[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Payment cancelled: nothing was charged/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(2);
});

test('going back from the payment page returns to the cart and puts the stock back', async ({
  page,
  context,
}) => {
  // Charcoal XL: 2 in stock, bought by no other test.
  const vest = '/products/fell-insulated-vest?size=XL&colour=Charcoal';
  const shelf = await context.newPage();
  await checkOutAndGoBack(page, vest, async () => {
    await shelf.goto(vest);
    await expect(shelf.getByText('Out of stock', { exact: true })).toBeVisible();
  });
  // The page closes the checkout with a POST as soon as it loads, and says when it has.
  await expect(page.getByText(/The items it held are back in the shop\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  await shelf.reload();
  await expect(shelf.getByText('Only 2 left', { exact: true })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a guest buys with plain form posts; the return page updates itself', async ({ page }) => {
    await fillCart(page);
    await payAsGuest(page, uniqueEmail());
  });

  test('going back from the payment page changes nothing until the shopper asks, with a button', async ({
    page,
    context,
  }) => {
    // Rust: 2 in stock, bought by no other test.
    const blanket = '/products/wool-camp-blanket?colour=Rust';
    await checkOutAndGoBack(page, blanket);

    // Loading the page, however often, is a GET: the checkout still holds the stock.
    await page.reload();
    const shelf = await context.newPage();
    await shelf.goto(blanket);
    await expect(shelf.getByText('Out of stock', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Release the items it held' }).click();
    await expect(page.getByText(/The items it held are back in the shop\.$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Release the items it held' })).toHaveCount(0);
    await shelf.reload();
    await expect(shelf.getByText('Only 2 left', { exact: true })).toBeVisible();
  });
});
