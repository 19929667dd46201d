import { expect, test } from '@playwright/test';
import { createBook, guestId, shot, uniqueSku } from './support';

test('order history lists the shopper\'s orders, newest first, each opening its order page', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('HIST'), title: 'History Book', price: 9, stock: 10 });
  await page.goto('/');
  const shopper = await guestId(page);
  const ids: string[] = [];
  for (const qty of [1, 2]) {
    const placed = await request.post('/orders', { data: { userId: shopper, items: [{ sku: book.sku, qty }] } });
    ids.push((await placed.json()).orderId);
  }

  await page.getByRole('link', { name: 'Orders' }).click();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(ids[1]!.slice(0, 8));
  await expect(rows.first()).toContainText('$18.00');
  await expect(rows.first()).toContainText('Confirmed');
  await shot(page, 'order-history');

  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed');

  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.locator('.notification-list li').first()).toBeVisible({ timeout: 15_000 });
  await shot(page, 'notifications');
});

test('guest cart merged at sign-in: the guest\'s books join the ones already in the user\'s cart', async ({ page, request }) => {
  const guestBook = await createBook(request, { sku: uniqueSku('GUEST'), title: 'Guest Cart Book', price: 11, stock: 10 });
  const userBook = await createBook(request, { sku: uniqueSku('USER'), title: 'User Cart Book', price: 4, stock: 10 });
  const user = `reader-${Date.now().toString(36)}`;
  await request.post(`/cart/${user}/items`, { data: { productId: userBook.sku, quantity: 2, price: 4 } });

  await page.goto(`/books/${guestBook.sku}`);
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Your name').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/basket$/);
  await expect(page.getByRole('row', { name: /Guest Cart Book/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /User Cart Book/ })).toBeVisible();
  await expect(page.getByTestId('subtotal')).toHaveText('$19.00');
  await expect(page.getByRole('link', { name: `Hi, ${user}` })).toBeVisible();
  await shot(page, 'guest-cart-merged');

  await page.reload();
  await expect(page.getByTestId('cart-count')).toHaveText('3');
});
