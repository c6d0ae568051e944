import { expect, type Page } from '@playwright/test';

/** Sign-up, log-in and the emailed links, shared by the specs. */
export const PASSWORD = 'lantern quietly orbit';
export const uniqueEmail = () =>
  `shopper-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** Follows the newest link the outbox holds for `email` and `subject`. */
export async function openEmailedLink(page: Page, email: string, subject: string) {
  await page.goto('/dev/outbox');
  const message = page.getByRole('article', { name: `${subject} to ${email}` }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole('link').first().getAttribute('href');
  if (!href) throw new Error(`no link in the "${subject}" email to ${email}`);
  await page.goto(new URL(href).pathname + new URL(href).search);
}

export async function signUp(page: Page, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await openEmailedLink(page, email, 'Finish signing up to Edgecart');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}
