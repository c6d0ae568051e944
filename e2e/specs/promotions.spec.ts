import { expect, test } from '@playwright/test';
import { uniqueEmail } from './support/accounts.ts';
import { logInAsAdmin, reopen } from './support/admin.ts';
import { payOnStandIn } from './support/stand-in.ts';

test('an admin makes a one-use code; a guest pays less with it, and the next shopper is told it is used up', async ({
  page,
  browser,
}) => {
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  await logInAsAdmin(page);
  await page.goto('/admin/promotions');
  await page.getByRole('link', { name: 'New promotion' }).click();
  const form = page.getByRole('form', { name: 'New promotion' });
  await form.getByLabel('Code', { exact: true }).fill(code);
  await form.getByLabel('Percent off').fill('20');
  await form.getByLabel(/^Uses in all/).fill('1');
  await form.getByRole('button', { name: 'Create promotion' }).click();
  await expect(page.getByRole('status')).toHaveText('Promotion created.');
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('20% off on the order');
  await expect(row).toContainText('0 / 1');

  // A guest applies it on the cart, in lower case: the discount is its own line.
  const guest = await browser.newContext();
  const shopper = await guest.newPage();
  await shopper.goto('/products/pour-over-kit');
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByText(/^Added to your cart/)).toBeVisible();
  await shopper.goto('/cart');
  const summary = shopper.getByRole('region', { name: 'Summary' });
  await expect(summary.getByText('Total before shipping')).toHaveCount(0);
  await summary.getByLabel('Discount code').fill(code.toLowerCase());
  await summary.getByRole('button', { name: 'Apply' }).click();
  await expect(summary.getByText(`Discount (${code})`)).toBeVisible();
  await expect(summary.getByText('Total before shipping')).toBeVisible();
  await expect(summary.getByRole('button', { name: `Remove ${code}` })).toBeVisible();

  // The payment page charges the discounted amount, and the order and its email show it.
  await summary.getByRole('button', { name: 'Checkout' }).click();
  await expect(shopper.getByText(`Discount (${code})`)).toBeVisible();
  const email = uniqueEmail();
  await payOnStandIn(shopper, { email });
  await expect(shopper.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible(
    { timeout: 45_000 },
  );
  const discount = shopper.locator('.order-amounts__discount');
  await expect(discount.getByRole('term')).toHaveText(`Discount (${code})`);
  await expect(discount.getByRole('definition')).toHaveText(/^-\$\d+\.\d\d$/);
  const number = /Order #(\d+)/.exec(await shopper.getByRole('status').first().innerText())?.[1];
  await shopper.goto('/dev/outbox');
  await expect(
    shopper.getByRole('article', {
      name: `Your Edgecart order #${number} is confirmed to ${email}`,
    }),
  ).toContainText(`Discount (${code}): -$`);
  await guest.close();

  // The one use is taken: the next shopper is told why the code does nothing.
  const next = await browser.newContext();
  const late = await next.newPage();
  await late.goto('/products/pour-over-kit');
  await late.getByRole('button', { name: 'Add to cart' }).click();
  await expect(late.getByText(/^Added to your cart/)).toBeVisible();
  await late.goto('/cart');
  await late.getByLabel('Discount code').fill(code);
  await late.getByRole('button', { name: 'Apply' }).click();
  await expect(late.getByRole('region', { name: 'Summary' }).getByRole('alert')).toHaveText(
    `The code ${code} has been used up.`,
  );
  await expect(late.getByText(`Discount (${code})`)).toHaveCount(0);
  await next.close();

  await reopen(page);
  await expect(row).toContainText('1 / 1');
});
