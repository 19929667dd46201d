import { expect, test } from '@playwright/test';
import { signUp } from './accounts';
import { addToCart, admin, createBook, fillCheckout, setStock, shot, uniqueSku } from './support';

// Checkout needs an account: every flow here starts as a newly signed-up shopper.
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await signUp(page);
});

test('checkout to confirmed, following the order live through shipping', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('BUY'), title: 'Checkout Happy Path', price: 20, stock: 5 });
  await addToCart(page, book.sku);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { name: 'Order summary' })).toBeVisible();

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByLabel('Full name')).toBeFocused();
  await expect(page.getByText('Enter your name.')).toBeVisible();

  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('button', { name: 'Placing your order…' })).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Order progress' }).first()).toBeVisible();

  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed');
  await expect(page.getByText(/Your order is confirmed and paid/)).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  await expect(page.getByRole('region', { name: 'Ships to' })).toContainText('1 Test Street');
  await shot(page, 'checkout-confirmed');

  const orderId = page.url().split('/').pop()!;
  const stored = await (await request.get(`/orders/${orderId}`, { headers: await admin(request) })).text();
  expect(stored).not.toContain('4242');
  const shipped = await request.put(`/orders/${orderId}/status`, { headers: await admin(request), data: { status: 'shipped' } });
  expect(shipped.ok()).toBe(true);
  await expect(page.getByTestId('order-status')).toHaveText('Shipped', { timeout: 20_000 });
  await expect(page.locator('.step-done', { hasText: 'Shipped' })).toBeVisible();
  await shot(page, 'order-shipped-live');
  const stock = await (await request.get(`/inventory/${book.sku}`, { headers: await admin(request) })).json();
  expect(stock.committed).toBe(1);
});

test('out of stock at checkout: the order explains which book ran out, charges nothing and keeps the cart', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('GONE'), title: 'The Last Copy', price: 15, stock: 1 });
  await addToCart(page, book.sku);
  await setStock(request, book.sku, 0);

  await page.goto('/checkout');
  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByTestId('order-status')).toHaveText('Out of stock');
  await expect(page.getByRole('alert')).toContainText('Not enough stock for: The Last Copy');
  await expect(page.getByRole('alert')).toContainText('Nothing was charged');
  await expect(page.locator('.step-failed')).toHaveText(/Books reserved/);
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await shot(page, 'checkout-out-of-stock');
});

test('declined payment: the test card that declines explains itself and releases the stock', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('DECL'), title: 'Declined Card Book', price: 30, stock: 3 });
  await addToCart(page, book.sku);

  await page.goto('/checkout');
  await fillCheckout(page, '4000 0000 0000 0002');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByTestId('order-status')).toHaveText('Payment declined');
  await expect(page.getByRole('alert')).toContainText('Your card was declined');
  await expect(page.getByRole('link', { name: 'Back to your cart' })).toBeVisible();
  await shot(page, 'checkout-declined');
  const stock = await (await request.get(`/inventory/${book.sku}`, { headers: await admin(request) })).json();
  expect([stock.available, stock.reserved, stock.committed]).toEqual([3, 0, 0]);
});
