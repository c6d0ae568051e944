import { expect, type Page } from '@playwright/test';

/** A shipping address as the payment stand-in's page asks for it. */
export interface StandInAddress {
  name: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  /** A code the page offers; the page's first when unset. */
  country?: string;
}

export const TEST_ADDRESS: StandInAddress = {
  name: 'Ann Lee',
  line1: '1 Congress Ave',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
};

/**
 * Pays on the payment stand-in's page as a shopper would: the email when
 * given and, when the page asks where to post the order, the address and
 * the shipping option (`shipping`: the option's label; the first when unset).
 */
export async function payOnStandIn(
  page: Page,
  options: { email?: string; address?: StandInAddress; shipping?: RegExp } = {},
) {
  await expect(page.getByRole('heading', { name: /^Pay / })).toBeVisible();
  if (options.email) await page.getByLabel('Email').fill(options.email);
  if ((await page.getByRole('group', { name: 'Shipping address' }).count()) > 0) {
    const address = options.address ?? TEST_ADDRESS;
    await page.getByLabel('Full name').fill(address.name);
    await page.getByLabel('Address line 1').fill(address.line1);
    await page.getByLabel('City').fill(address.city);
    await page.getByLabel('State or region').fill(address.state);
    await page.getByLabel('Postal code').fill(address.postalCode);
    if (address.country) await page.getByLabel('Country').selectOption(address.country);
    if (options.shipping) await page.getByRole('radio', { name: options.shipping }).check();
  }
  await page.getByRole('button', { name: 'Pay' }).click();
}
