import { expect, test } from '@playwright/test';
import { signIn, signUp } from './accounts';
import { adminAccount } from './host/paths';
import { admin, createBook, shot, uniqueSku } from './support';

test('an admin signs in, creates a book and edits it, and the shop shows the new price', async ({ page }) => {
  const sku = uniqueSku('NEW');
  const title = `Admin Made ${sku}`;
  await page.goto('/');
  await signIn(page, adminAccount);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();

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
  await page.getByRole('combobox', { name: 'Search books' }).fill(title);
  await page.getByRole('combobox', { name: 'Search books' }).press('Enter');
  const card = page.locator('.book-grid > li').filter({ hasText: title });
  await expect(card).toContainText('$24.10');
  await expect(card).toContainText('In stock');
  await shot(page, 'admin-book-in-search');
});

test('a shopper cannot reach the admin pages, nor the admin API', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('LOCK'), title: 'Locked Admin Book', price: 8, stock: 3 });
  await page.goto('/admin');
  await expect(page.getByRole('button', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);

  await signUp(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto(`/admin/products/${book.sku}`);
  await expect(page.getByRole('alert')).toHaveText(/Your account cannot open the admin pages/);
  await expect(page.getByLabel('Price (USD)')).toHaveCount(0);
  await shot(page, 'admin-refused');

  const anonymous = await request.put(`/products/${book.sku}`, { data: { ...book, price: 0.01 } });
  expect(anonymous.status()).toBe(401);
  const after = await (await request.get(`/catalog/${book.sku}`)).json();
  expect(after.price).toBe(8);
});

test('admin stock and hot SKUs: stock per SKU with reservations and low-stock flags, and the busiest SKUs live', async ({ page, request }) => {
  const sku = uniqueSku('HOT');
  const operator = await admin(request);
  expect((await request.post('/products', { headers: operator, data: { sku, title: `Hot ${sku}`, price: 5, stock: 40 } })).status()).toBe(201);
  for (let i = 0; i < 36; i++)
    await request.post(`/inventory/${sku}/reserve`, { headers: operator, data: { order_id: `hot-${i}`, qty: 1 } });

  await page.goto('/');
  await signIn(page, adminAccount);
  await page.goto('/admin/stock');
  await page.getByLabel('Find SKU or title').fill(sku);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
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
