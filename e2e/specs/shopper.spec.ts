import { expect, type Locator, type Page, test } from '@playwright/test';
import { countNumberFormats } from './support/number-formats.ts';

/**
 * A seeded product with a choice of options (packages/db/src/seed/catalog-data.ts):
 * sizes XS–XL in Navy and Charcoal, $349.00, and XL costs $10 more. Every variant is
 * in stock, and "wool" finds it.
 */
const PEACOAT = {
  slug: 'harbour-wool-peacoat',
  title: 'Harbour Wool Peacoat',
  price: '$349.00',
  xlPrice: '$359.00',
};

/** The product cards of the listing on the page. */
const cards = (page: Page): Locator => page.locator('ul.grid > li.card');

/** What each shown card says, in the order shown. */
async function shownProducts(page: Page) {
  const list = cards(page);
  const titles = await list.locator('.card__title').allTextContents();
  const prices = await list.locator('.card__price').allTextContents();
  const count = await list.count();
  expect(titles, 'every card has one title').toHaveLength(count);
  expect(prices, 'every card has one price').toHaveLength(count);
  const soldOut = new Set(
    await list
      .filter({ has: page.locator('.stock--out-of-stock') })
      .locator('.card__title')
      .allTextContents(),
  );
  return titles.map((title, i) => ({
    title,
    cents: cents(prices[i] ?? ''),
    soldOut: soldOut.has(title),
  }));
}

/** 34900 from "$349.00" or "From $349.00" (a card shows its lowest price). */
function cents(price: string): number {
  const match = /\$([\d,]+(?:\.\d{1,2})?)/.exec(price);
  if (!match?.[1]) throw new Error(`no price in "${price}"`);
  return Math.round(Number(match[1].replace(/,/g, '')) * 100);
}

/** Clicks "Load more" until the listing has no more pages, so that every product is shown. */
async function showEveryPage(page: Page) {
  const more = page.getByRole('button', { name: 'Load more' });
  await expect(cards(page).first()).toBeVisible();
  for (let pages = 1; (await more.count()) > 0; pages++) {
    expect(pages, 'the listing ends').toBeLessThan(20);
    const before = await cards(page).count();
    await more.click();
    await expect(cards(page)).not.toHaveCount(before);
    await expect(page.getByRole('button', { name: 'Loading…' })).toHaveCount(0);
  }
}

/** Chooses a sort and/or the in-stock filter in the listing's GET form and applies it. */
async function applyListingForm(page: Page, choice: { sort?: string; inStockOnly?: boolean }) {
  const form = page.getByRole('form', { name: 'Filter products' });
  if (choice.sort) await form.getByLabel('Sort by').selectOption(choice.sort);
  if (choice.inStockOnly) await form.getByLabel('In stock only').check();
  await form.getByRole('button', { name: 'Apply' }).click();
}

const ascending = (a: number, b: number) => a - b;
const descending = (a: number, b: number) => b - a;
const alphabetical = (a: string, b: string) => a.localeCompare(b, 'en');

test('the home page shows four featured products', { tag: ['@smoke', '@readme'] }, async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Featured products' }).getByRole('listitem'),
  ).toHaveCount(4);
});

test('listings fetch their first photos at once, first, and the rest when scrolled near', async ({
  page,
}) => {
  await page.goto('/products');
  const photos = page.locator('ul.grid img.card__image');
  await expect(photos.nth(4)).toBeAttached();
  for (const i of [0, 3]) {
    await expect(photos.nth(i)).toHaveAttribute('fetchpriority', 'high');
    await expect(photos.nth(i)).toHaveAttribute('loading', 'eager');
  }
  await expect(photos.nth(4)).toHaveAttribute('loading', 'lazy');
  await expect(photos.nth(4)).not.toHaveAttribute('fetchpriority', /./);

  // The home page: the featured grid's photos first; the grids below it wait.
  await page.goto('/');
  await expect(
    page.getByRole('list', { name: 'Featured products' }).locator('img[fetchpriority="high"]'),
  ).toHaveCount(4);
  const below = page.locator('ul.grid:not([aria-label="Featured products"]) img');
  await expect(below.first()).toBeAttached();
  await expect(below.and(page.locator('[fetchpriority], [loading="eager"]'))).toHaveCount(0);
});

test('searching from the header lists the products that match', {
  tag: ['@smoke', '@readme'],
}, async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search products' }).fill('wool');
  await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
  await expect(page).toHaveURL(/\/products\?q=wool$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “wool”');
  await expect(cards(page).first()).toBeVisible();
  const titles = (await shownProducts(page)).map((p) => p.title);
  expect(titles).toContain(PEACOAT.title);
  expect(titles).toContain('Wool Camp Blanket');
  expect(titles).not.toContain('Titanium Spork');
});

test('a misspelled search finds what the shopper meant, its words marked', {
  tag: '@readme',
}, async ({ page }) => {
  await page.goto('/products?q=lantren');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matched' })).toHaveText(
    'Nothing matched “lantren”. Showing results for “lantern”.',
  );
  const card = cards(page).first();
  await expect(card).toBeVisible();
  await expect(card.locator('mark').first()).toHaveText(/^lantern$/i);
  // Plural and singular alike: "lanterns" finds it without a correction.
  await page.goto('/products?q=lanterns');
  await expect(page.getByText('Nothing matched')).toHaveCount(0);
  await expect(cards(page).first().locator('mark').first()).toHaveText(/^lantern$/i);
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/products?q=zzqx-nothing');
  await expect(page.getByRole('heading', { name: 'No products match' })).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
});

test('a product page carries Product structured data', { tag: '@smoke' }, async ({ page }) => {
  await page.goto(`/products/${PEACOAT.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PEACOAT.title);
  const structured = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(structured ?? '{}');
  expect(data['@type']).toBe('Product');
  expect(data.name).toBe(PEACOAT.title);
  expect(data.offers.length).toBeGreaterThan(1);
});

test('picking a variant puts it in the URL and shows its price', async ({ page }) => {
  await page.goto(`/products/${PEACOAT.slug}`);
  const size = page.getByRole('group', { name: /^Size:/ });
  const colour = page.getByRole('group', { name: /^Colour:/ });
  // Fails here, rather than skipping the rest, if the product offers no choice.
  await expect(size).toBeVisible();
  await expect(colour).toBeVisible();
  await expect(page.locator('.product__price')).toHaveText(PEACOAT.price);
  await expect(size.locator('a[aria-current="true"]')).not.toHaveAttribute('data-value', 'XL');

  await size.locator('a.picker__value[data-value="XL"]').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('size')).toBe('XL');
  await expect(size.locator('a[aria-current="true"]')).toHaveAttribute('data-value', 'XL');
  await expect(size).toHaveAccessibleName('Size: XL');
  await expect(page.locator('.product__price')).toHaveText(PEACOAT.xlPrice);

  // Another colour keeps the size: the URL spells out every option.
  const sku = await page.locator('.product__sku').textContent();
  const other = colour.locator('a.picker__value:not([aria-current])').first();
  const value = await other.getAttribute('data-value');
  expect(value).toBeTruthy();
  await other.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('colour')).toBe(value);
  expect(new URL(page.url()).searchParams.get('size')).toBe('XL');
  await expect(colour.locator('a[aria-current="true"]')).toHaveAttribute('data-value', value ?? '');
  await expect(page.locator('.product__variant')).toHaveText(`XL / ${value}`);
  await expect(page.locator('.product__price')).toHaveText(PEACOAT.xlPrice);
  await expect(page.locator('.product__sku')).not.toHaveText(sku ?? '');
});

for (const [sort, label, order] of [
  ['price-asc', 'low to high', ascending],
  ['price-desc', 'high to low', descending],
] as const) {
  test(`sorting by price, ${label}, orders every listed product by its price`, async ({ page }) => {
    await page.goto('/products');
    await applyListingForm(page, { sort });
    await expect(page).toHaveURL(new RegExp(`[?&]sort=${sort}(&|$)`));
    await expect(page.getByLabel('Sort by')).toHaveValue(sort);
    await showEveryPage(page);
    const shown = await shownProducts(page);
    expect(shown.length).toBeGreaterThan(12);
    expect(new Set(shown.map((p) => p.title)).size, 'no product twice').toBe(shown.length);
    const prices = shown.map((p) => p.cents);
    expect(prices).toEqual([...prices].sort(order));
    expect(prices[0]).not.toBe(prices.at(-1));
  });
}

test('sorting by name lists products alphabetically', async ({ page }) => {
  await page.goto('/products');
  await applyListingForm(page, { sort: 'name' });
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await showEveryPage(page);
  const titles = (await shownProducts(page)).map((p) => p.title);
  expect(titles.length).toBeGreaterThan(12);
  expect(titles).toEqual([...titles].sort(alphabetical));
});

test('the in-stock filter hides sold-out products, and only those', async ({ page }) => {
  await page.goto('/products');
  await showEveryPage(page);
  const all = await shownProducts(page);
  const soldOut = all.filter((p) => p.soldOut).map((p) => p.title);
  // The seed marks several products sold out (soldOut: true in catalog-data.ts).
  expect(soldOut.length, 'the unfiltered catalog shows sold-out products').toBeGreaterThan(0);

  await applyListingForm(page, { inStockOnly: true });
  await expect(page).toHaveURL(/[?&]stock=in(&|$)/);
  await expect(page.getByLabel('In stock only')).toBeChecked();
  await showEveryPage(page);
  const inStock = await shownProducts(page);
  await expect(page.locator('ul.grid').getByText('Sold out')).toHaveCount(0);
  expect(inStock.filter((p) => p.soldOut)).toEqual([]);
  expect(inStock.length).toBe(all.length - soldOut.length);
  expect(inStock.map((p) => p.title).sort()).toEqual(
    all
      .filter((p) => !p.soldOut)
      .map((p) => p.title)
      .sort(),
  );
});

test('load more fetches the next page through the tRPC client', async ({ page }) => {
  // The first page's cards come from the server: hydrating them formats no price in
  // the browser (the tab's first Intl.NumberFormat costs 30-100 ms of main thread).
  const formatsMade = await countNumberFormats(page);
  await page.goto('/products');
  await expect(cards(page)).toHaveCount(12);
  const loadMore = page.getByRole('button', { name: 'Load more' });
  await expect(loadMore).toBeEnabled();
  expect(await formatsMade()).toBe(0);

  const response = page.waitForResponse((r) => r.url().includes('/api/trpc/catalog.products'));
  await loadMore.click();
  expect((await response).status()).toBe(200);
  await expect(cards(page)).toHaveCount(24);
  await expect(cards(page).nth(23).locator('.card__price')).toHaveText(/\$\d/);
  expect(await formatsMade()).toBeGreaterThan(0);
});

test('back from a product, the listing shows the pages it had loaded', async ({ page }) => {
  await page.goto('/products');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(cards(page)).toHaveCount(24);
  await cards(page).nth(20).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/products$/);
  await expect(cards(page)).toHaveCount(24);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a shopper searches, filters, sorts and picks a variant with forms and links', async ({
    page,
  }) => {
    await page.goto('/products');
    await expect(cards(page).first()).toBeVisible();
    // Proof that scripts do not run: the client-side "Load more" never becomes usable.
    await expect(page.getByRole('button', { name: 'Load more' })).toBeDisabled();

    // Search through the header's GET form.
    const header = page.getByRole('banner');
    await header.getByRole('searchbox', { name: 'Search products' }).fill('wool');
    await header.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/products\?q=wool$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “wool”');
    await expect(cards(page).first()).toBeVisible();
    const found = await shownProducts(page);
    expect(found.map((p) => p.title)).toContain(PEACOAT.title);
    // The seed's Merino Wool Half-Zip is sold out, so the filter has something to drop.
    expect(
      found.some((p) => p.soldOut),
      'a sold-out product matches "wool"',
    ).toBe(true);

    // Filter and sort through the listing's GET form; the search is kept.
    await applyListingForm(page, { sort: 'price-asc', inStockOnly: true });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('price-asc');
    const params = new URL(page.url()).searchParams;
    expect(params.get('q')).toBe('wool');
    expect(params.get('stock')).toBe('in');
    await expect(cards(page).first()).toBeVisible();
    await expect(cards(page).last()).toBeVisible();
    const filtered = await shownProducts(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.filter((p) => p.soldOut)).toEqual([]);
    await expect(page.locator('ul.grid').getByText('Sold out')).toHaveCount(0);
    const prices = filtered.map((p) => p.cents);
    expect(prices).toEqual([...prices].sort(ascending));
    expect(filtered.length).toBe(found.length - found.filter((p) => p.soldOut).length);

    // Open the product and pick a variant by following its link.
    await cards(page).filter({ hasText: PEACOAT.title }).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/products/${PEACOAT.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PEACOAT.title);
    await expect(page.locator('.product__price')).toHaveText(PEACOAT.price);
    const size = page.getByRole('group', { name: /^Size:/ });
    await size.locator('a.picker__value[data-value="XL"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('size')).toBe('XL');
    await expect(size.locator('a[aria-current="true"]')).toHaveAttribute('data-value', 'XL');
    await expect(page.locator('.product__price')).toHaveText(PEACOAT.xlPrice);
  });
});

test('an open page stays loaded: nothing reloads it', { tag: '@readme' }, async ({ page }) => {
  // `next dev` reloads open pages when code they use changes; a file written in a loop
  // under its watch would reload them every second, and the README's shop with them.
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  await page.goto('/products');
  await page.evaluate(() => Object.assign(window, { stayedOpen: true }));
  await page.waitForTimeout(3_000);
  expect(await page.evaluate(() => 'stayedOpen' in window)).toBe(true);
  expect(loads).toBe(1);
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

test('health answers liveness without touching the database or the cache', {
  tag: '@smoke',
}, async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  if (process.env.E2E_TARGET === 'worker') {
    // The Worker's entry tags every response with its request id.
    expect(response.headers()['x-request-id']).toMatch(/^[\w.:-]+$/);
  }
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('deep health reports the database and the cache, with latencies', {
  tag: ['@smoke', '@readme'],
}, async ({ request }) => {
  const response = await request.get('/api/health/deep');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.checks.database).toMatchObject({ ok: true });
  expect(body.checks.cache).toMatchObject({ ok: true });
  expect(typeof body.checks.database.latencyMs).toBe('number');
  expect(typeof body.checks.cache.latencyMs).toBe('number');
  // The Worker reaches the cache as it reaches Upstash; next dev keeps it in memory.
  expect(body.cacheAdapter).toBe(process.env.E2E_TARGET === 'worker' ? 'upstash' : 'memory');
});
