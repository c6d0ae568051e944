import { expect, type Page } from '@playwright/test';

/** The admin the e2e servers are started with (`npm run admin:create`); a test-only account. */
export const E2E_ADMIN = {
  email: 'admin@edgecart.test',
  password: 'e2e admin lantern orbit',
} as const;

/** Logs the page in as the e2e admin and opens the admin's overview. */
export async function logInAsAdmin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('banner').getByRole('link', { name: 'Admin', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

/**
 * Loads the page's URL again with a GET. Not `page.reload()`: on a loaded
 * machine a form can be clicked before its page hydrates, and then it was a
 * plain form POST, which a reload sends again (or fails with ERR_CACHE_MISS).
 */
export async function reopen(page: Page) {
  await page.goto(page.url());
}
