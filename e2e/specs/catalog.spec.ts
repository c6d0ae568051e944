import { expect, type Page, test } from '@playwright/test';
import { logInAsAdmin } from './support/admin.ts';

/**
 * A real photo: a coloured JPEG, drawn on a canvas and encoded by the browser
 * itself. (Not a screenshot: the headless shell's capture failed once on a
 * loaded CI machine, "Unable to capture screenshot".)
 */
async function photoOf(page: Page, colour: string, name: string) {
  const base64 = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = fill;
    context.fillRect(0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? '';
  }, colour);
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

test('an admin creates a product with two uploaded photos, in the order chosen, and shoppers see them', {
  tag: '@readme',
}, async ({ page, request }) => {
  const slug = `trail-tarp-${Date.now().toString(36)}`;
  await logInAsAdmin(page);
  await page.goto('/admin/products/new');
  await page.getByLabel('Title', { exact: true }).fill('Trail Tarp');
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByLabel('Description').fill('A light tarp for a wet night.');
  await page.getByLabel('Status').selectOption('active');
  await page.getByLabel('SKU of new variant 1').fill(`${slug}-std`);
  await page.getByLabel('Title of new variant 1').fill('Standard');
  await page.getByLabel('Price of new variant 1, in cents').fill('6400');
  await page.getByLabel('Opening stock of new variant 1').fill('5');

  // Not a photo: refused, naming the file, and nothing joins the list.
  await page.getByLabel(/^Add photos/).setInputFiles({
    name: 'notes.txt',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not a photo at all'),
  });
  await page.getByRole('button', { name: 'Upload photos' }).click();
  await expect(page.locator('#photos-error')).toHaveText(
    'notes.txt is not a photo: upload a JPEG, PNG, WebP or AVIF file.',
  );
  await expect(page.getByText('No photos yet.')).toBeVisible();

  await page
    .getByLabel(/^Add photos/)
    .setInputFiles([
      await photoOf(page, '#2f6f4f', 'green.jpg'),
      await photoOf(page, '#b0413e', 'red.jpg'),
    ]);
  await page.getByRole('button', { name: 'Upload photos' }).click();
  await expect(page.getByLabel('Alt text for photo 2')).toBeVisible();
  await page.getByLabel('Alt text for photo 1').fill('The tarp, green side up');
  await page.getByLabel('Alt text for photo 2').fill('The tarp, red side up');
  // The red one first: it becomes the main photo.
  await page.getByRole('button', { name: 'Move photo 2 up' }).click();
  await expect(page.getByLabel('Alt text for photo 1')).toHaveValue('The tarp, red side up');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText('Created.')).toBeVisible();
  await expect(page.getByLabel('Alt text for photo 1')).toHaveValue('The tarp, red side up');

  const shopper = await page.context().browser()?.newPage();
  if (!shopper) throw new Error('no browser');
  await shopper.goto(`/products/${slug}`);
  const main = shopper.locator('.product__gallery > img');
  await expect(main).toHaveAttribute('alt', 'The tarp, red side up');
  await expect(shopper.getByRole('img', { name: 'The tarp, green side up' })).toBeVisible();
  const src = (await main.getAttribute('src')) ?? '';
  expect(src).toMatch(/^\/media\/photos\/[0-9a-f]{64}\.jpg$/);
  // The photo itself: its type from its content, cached for good, and revalidated by ETag.
  const photo = await request.get(src);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  expect(photo.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const again = await request.get(src, {
    headers: { 'if-none-match': photo.headers().etag ?? '' },
  });
  expect(again.status()).toBe(304);
  expect((await request.get(src.replace(/[0-9a-f]{64}/, 'f'.repeat(64)))).status()).toBe(404);
  await shopper.close();
});

test('an admin exports the catalog, imports it edited (checked, then applied), and a shopper finds the new product misspelled', async ({
  page,
}) => {
  await logInAsAdmin(page);
  await page.goto('/admin/products');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  const exported = Buffer.concat(await (await download.createReadStream()).toArray()).toString(
    'utf8',
  );
  const handle = `enamel-percolator-${Date.now().toString(36)}`;
  const [header = ''] = exported.split('\r\n');
  const columns = header.split(',');
  const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
  const newProduct = row({
    Handle: handle,
    Title: 'Enamel Percolator',
    'Body (HTML)': '<p>Coffee over the fire.</p>',
    Status: 'active',
    'Variant SKU': `${handle}-1`,
    'Variant Price': '38.00',
    'Variant Inventory Qty': '7',
    'Variant Price Currency': 'USD',
  });

  // A bad file first: a report by line and column, and nothing changes.
  await page.goto('/admin/products/import');
  await page.getByLabel(/^CSV file/).setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\r\n${newProduct.replace(',38.00,', ',-38.00,')}\r\n`),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: /1 problem: nothing was changed/ })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /2 Variant Price The price -38\.00 is negative\./ }),
  ).toBeVisible();

  // The edited export: every product as it was, and one new.
  await page.goto('/admin/products/import');
  await page.getByLabel(/^CSV file/).setInputFiles({
    name: 'edited.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${exported.trimEnd()}\r\n${newProduct}\r\n`),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('The file is fine: nothing has changed yet.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${handle} created`) })).toBeVisible();
  await page.getByRole('button', { name: /^Apply: create 1 and update \d+$/ }).click();
  await expect(page.getByText(/^Applied: \d+ products created or updated\./)).toBeVisible({
    timeout: 60_000,
  });

  const shopper = await page.context().browser()?.newPage();
  if (!shopper) throw new Error('no browser');
  await shopper.goto('/products?q=percolatr');
  await expect(shopper.getByRole('status').filter({ hasText: 'Nothing matched' })).toHaveText(
    'Nothing matched “percolatr”. Showing results for “percolator”.',
  );
  await shopper.getByRole('link', { name: /Enamel Percolator/ }).click();
  await expect(shopper.getByRole('heading', { name: 'Enamel Percolator' })).toBeVisible();
  await expect(shopper.locator('.product__price')).toHaveText('$38.00');
  await shopper.close();
});
