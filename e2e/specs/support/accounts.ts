import { expect, type Page } from '@playwright/test';

/** Sign-up, log-in and the emailed links, shared by the specs. */
export const PASSWORD = 'lantern quietly orbit';
export const uniqueEmail = () =>
  `shopper-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/**
 * Follows the newest link the outbox holds for `email` and `subject`. A reset
 * link is written just after the reply that promised it (so that the reply
 * says nothing about the address): the page is read again until it is there.
 */
export async function openEmailedLink(page: Page, email: string, subject: string) {
  const message = page.getByRole('article', { name: `${subject} to ${email}` }).first();
  await expect(async () => {
    await page.goto('/dev/outbox');
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
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
