import { expect, test } from '@playwright/test';
import { createBook, shot, uniqueSku } from './support';

test('book detail to cart: cover, author, description, stock and related books, then add two copies', async ({ page }) => {
  await page.goto('/?q=BOOK-001');
  const first = page.locator('.book-grid > li').first();
  const title = (await first.locator('h3').textContent())!;
  await first.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: `Cover of ${title}` })).toBeVisible();
  await expect(page.locator('.book-info .author')).toContainText('by ');
  await expect(page.locator('.description')).not.toBeEmpty();
  await expect(page.locator('.stock-line')).toContainText('in stock');
  await expect(page.getByRole('heading', { name: 'Related books' })).toBeVisible();

  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await shot(page, 'book-detail-to-cart');
});

test('cart edits: quantities and removals show the prices and subtotal the server decided', async ({ page, request }) => {
  const a = await createBook(request, { sku: uniqueSku('CARTA'), title: 'Cart Edits Book A', price: 10.25, stock: 50 });
  const b = await createBook(request, { sku: uniqueSku('CARTB'), title: 'Cart Edits Book B', price: 7.5, stock: 50 });

  for (const book of [a, b]) {
    await page.goto(`/books/${book.sku}`);
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await expect(page.getByText('Added to your cart.')).toBeVisible();
  }
  await page.getByRole('link', { name: /^Cart,/ }).click();
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByTestId('subtotal')).toHaveText('$17.75');

  await page.getByLabel(`Quantity of ${a.title}`).selectOption('3');
  await expect(page.getByTestId('subtotal')).toHaveText('$38.25');
  await expect(page.getByRole('row', { name: new RegExp(a.title) })).toContainText('$30.75');

  await page.getByRole('button', { name: `Remove ${b.title}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(b.title) })).toHaveCount(0);
  await expect(page.getByTestId('subtotal')).toHaveText('$30.75');
  await expect(page.getByTestId('cart-count')).toHaveText('3');
  await shot(page, 'cart-edits');

  await page.getByRole('button', { name: `Remove ${a.title}` }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});
