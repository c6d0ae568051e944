import { expect, type Page, test } from '@playwright/test';
import { openEmailedLink, PASSWORD, signUp, uniqueEmail } from './support/accounts.ts';

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a shopper signs up through the emailed link, logs out and logs in again', {
  tag: '@readme',
}, async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await expect(page.getByRole('banner').getByRole('link', { name: /^Account/ })).toBeVisible();

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test('a wrong password is refused next to the field, without saying whether the account exists', async ({
  page,
}) => {
  await logIn(page, uniqueEmail(), PASSWORD);
  const error = page.locator('#password-error');
  await expect(error).toHaveText(/do not match an account/);
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
    'aria-describedby',
    'password-error',
  );
});

test('sign-up says what to change about a common password, next to it', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(uniqueEmail());
  await page.getByLabel('Password', { exact: true }).fill('password1');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /most common/ })).toBeVisible();
});

test('a shopper who forgot the password chooses a new one through the emailed link', async ({
  page,
}) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await page.getByRole('button', { name: 'Log out', exact: true }).click();

  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await openEmailedLink(page, email, 'Choose a new Edgecart password');
  await page.getByLabel('Password', { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await logIn(page, email, PASSWORD);
  await expect(page.locator('#password-error')).toBeVisible();
  await logIn(page, email, 'a brand new passphrase');
  await expect(page).toHaveURL(/\/account$/);
});

test('a shopper downloads their data, then deletes the account', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  const download = await page.request.get('/account-data');
  expect(download.headers()['content-disposition']).toContain('attachment');
  expect(await download.json()).toMatchObject({ account: { email, role: 'customer' } });

  const form = page.getByRole('region', { name: 'Your data' });
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await logIn(page, email, PASSWORD);
  await expect(page.locator('#password-error')).toHaveText(/do not match an account/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a shopper signs up, logs out and logs in with plain form posts', async ({ page }) => {
    const email = uniqueEmail();
    await signUp(page, email);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await logIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
  });
});

test('the outbox page and cross-site posts are refused where they must be', async ({ request }) => {
  const crossSite = await request.post('/logout', { headers: { origin: 'https://evil.example' } });
  expect(crossSite.status()).toBe(403);
});
