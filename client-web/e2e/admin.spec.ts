import { expect, test } from '@playwright/test';
import { admin, shot, uniqueSku } from './support';
import { adminKey } from './host/paths';

test('admin creates a book that then appears in search', async ({ page }) => {
  const sku = uniqueSku('NEW');
  const title = `Admin Made ${sku}`;
  await page.goto('/admin');
  await page.getByLabel('Admin key').fill('wrong-key');
  await page.getByRole('button', { name: 'Unlock admin' }).click();
  await expect(page.getByText('That admin key is not right.')).toBeVisible();
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Unlock admin' }).click();

  await page.getByRole('link', { name: 'New book' }).click();
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Price (USD)').fill('-3');
  await page.getByRole('button', { name: 'Create book' }).click();
  await expect(page.locator('#product-price-error')).toBeVisible();

  await page.getByLabel('Author').fill('Grace Admin');
  await page.getByLabel('Price (USD)').fill('23.40');
  await page.getByLabel('Stock').fill('7');
  await page.getByLabel('Tags (comma separated)').fill('e2e, admin');
  await page.getByRole('button', { name: 'Create book' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${title}` })).toBeVisible();
  await expect(page.getByText(`Created ${sku}; it is in the catalog now.`)).toBeVisible();
  await shot(page, 'admin-create-book');

  await page.getByLabel('Price (USD)').fill('24.10');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Books', exact: true }).click();
  await page.getByLabel('Search titles or SKUs').fill(title);
  await page.getByLabel('Search titles or SKUs').press('Enter');
  const card = page.locator('.book-grid > li').filter({ hasText: title });
  await expect(card).toContainText('$24.10');
  await expect(card).toContainText('In stock');
  await shot(page, 'admin-book-in-search');
});

test('admin stock and hot SKUs: stock per SKU with reservations and low-stock flags, and the busiest SKUs live', async ({ page, request }) => {
  const sku = uniqueSku('HOT');
  expect((await request.post('/products', { headers: admin, data: { sku, title: `Hot ${sku}`, price: 5, stock: 40 } })).status()).toBe(201);
  for (let i = 0; i < 36; i++)
    await request.post(`/inventory/${sku}/reserve`, { data: { order_id: `hot-${i}`, qty: 1 } });

  await page.goto('/admin/stock');
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Unlock admin' }).click();
  await page.getByLabel('Find SKU or title').fill(sku);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(sku) });
  await expect(row).toContainText("36");
  await expect(row.getByText(/Low/)).toBeVisible();
  await row.getByLabel(`Units on hand for ${sku}`).fill('50');
  await row.getByRole('button', { name: 'Set' }).click();
  await expect(row.getByRole('cell').nth(3)).toHaveText('14');
  await expect(row.getByText(/Low/)).toHaveCount(0);
  await shot(page, 'admin-stock');

  await page.getByRole('link', { name: 'Hot SKUs' }).click();
  await expect(page.getByRole('row', { name: new RegExp(sku) })).toBeVisible({ timeout: 10_000 });
  await shot(page, 'admin-hot-skus');
});

test('status panel shows each service\'s health', async ({ page }) => {
  await page.goto('/status');
  for (const key of ['catalog', 'cart', 'orders', 'inventory', 'payment', 'notification', 'recommendation'])
    await expect(page.getByTestId(`service-${key}`)).toContainText('Up');
  await expect(page.getByTestId('service-catalog')).toContainText('Backend: memory');
  await shot(page, 'status-panel');
});
