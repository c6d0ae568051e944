import { expect, test } from '@playwright/test';

test('a shopper browses, searches, opens a product and picks a variant', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Featured products' }).getByRole('listitem'),
  ).toHaveCount(4);

  // Search from the header.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('wool');
  await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
  await expect(page).toHaveURL(/\/products\?q=wool/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “wool”');
  const results = page.locator('.grid .card');
  await expect(results.first()).toBeVisible();

  // Open a product that has a choice of options.
  await page.goto('/products?sort=price-desc');
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const structured = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(structured ?? '{}')['@type']).toBe('Product');

  // Pick another value of the first option: the URL names the variant.
  const group = page.locator('.picker__option').first();
  if ((await group.count()) > 0) {
    const choice = group.locator('a.picker__value:not([aria-current])').first();
    const value = (await choice.getAttribute('data-value')) ?? '';
    await choice.click();
    await expect(page).toHaveURL(
      new RegExp(`=${encodeURIComponent(value).replace(/%20/g, '\\+')}`),
    );
    await expect(group.locator('a[aria-current="true"]')).toContainText(value);
  }
});

test('load more fetches the next page through the tRPC client', async ({ page }) => {
  await page.goto('/products');
  const cards = page.locator('.grid .card');
  await expect(cards).toHaveCount(12);
  const response = page.waitForResponse((r) => r.url().includes('/api/trpc/catalog.products'));
  await page.getByRole('button', { name: 'Load more' }).click();
  expect((await response).status()).toBe(200);
  await expect(cards).toHaveCount(24);
});

test('filters live in the URL, and an empty result says so', async ({ page }) => {
  await page.goto('/products');
  await page.getByLabel('Sort by').selectOption('price-asc');
  await page.getByLabel('In stock only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/stock=in/);
  await expect(page).toHaveURL(/sort=price-asc/);
  await page.goto('/products?q=zzqx-nothing');
  await expect(page.getByRole('heading', { name: 'No products match' })).toBeVisible();
});

test('unknown pages answer 404 with a way back', async ({ page }) => {
  const response = await page.goto('/products/no-such-product');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Browse all products' })).toBeVisible();
});

test('the keyboard reaches the content first', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});

test('the API answers bad input with 400, not 500', async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ 0: { json: { limit: 5000 } } }));
  const response = await request.get(`/api/trpc/catalog.products?batch=1&input=${input}`);
  expect(response.status()).toBe(400);
  const garbage = await request.get('/api/trpc/catalog.products?input=%7Bnot-json');
  expect(garbage.status()).toBe(400);
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain('/products/');
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain('Sitemap:');
});

test('health reports the database and the cache, with latencies', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  if (process.env.E2E_TARGET === 'worker') {
    // The Worker's entry tags every response with its request id.
    expect(response.headers()['x-request-id']).toMatch(/^[\w.:-]+$/);
  }
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.checks.database).toMatchObject({ ok: true });
  expect(body.checks.cache).toMatchObject({ ok: true });
  expect(typeof body.checks.database.latencyMs).toBe('number');
  // The Worker reaches the cache as it reaches Upstash; next dev keeps it in memory.
  expect(body.cacheAdapter).toBe(process.env.E2E_TARGET === 'worker' ? 'upstash' : 'memory');
});
