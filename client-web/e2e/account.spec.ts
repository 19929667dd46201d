import { expect, test } from '@playwright/test';
import { accountButton, completeSignIn, newAccount, signIn, signOut, signUp } from './accounts';
import { addToCart, admin, createBook, fillCheckout, shot, uniqueSku } from './support';

test('a shopper signs up with a guest cart, checks out, sees the order, signs out and signs in again', async ({ page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('ACCT'), title: 'Account Flow Book', price: 9, stock: 10 });
  await addToCart(page, book.sku);
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  const account = await signUp(page);
  await expect(page).toHaveURL(new RegExp(`/books/${book.sku}$`));
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await shot(page, 'signed-up');

  await page.getByRole('link', { name: /^Cart,/ }).click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Order summary' })).toBeVisible();
  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed');
  const orderId = page.url().split('/').pop()!;

  await accountButton(page).click();
  await page.getByRole('banner').getByRole('link', { name: 'Orders' }).click();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(orderId.slice(0, 8));
  await expect(rows.first()).toContainText('$9.00');
  await shot(page, 'my-orders');

  await accountButton(page).click();
  await page.getByRole('banner').getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByTestId('profile-email')).toHaveText(account.email);
  await expect(page.getByRole('link', { name: 'Change your password' })).toBeVisible();
  await shot(page, 'account-page');

  await page.reload();
  await expect(accountButton(page), 'a reload keeps the session through the provider\'s cookie').toBeVisible();

  await signOut(page);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/access_token|refresh_token/);
  await page.goto('/account/orders');
  await expect(page.getByRole('button', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  await signIn(page, account);
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);

  const anonymous = await request.get(`/orders/${orderId}`);
  expect(anonymous.status()).toBe(401);
  expect((await request.get(`/orders/${orderId}`, { headers: await admin(request) })).status()).toBe(200);
});

test('checkout sends a guest to sign in and back to checkout, with the guest cart merged into the account\'s', async ({ browser, page, request }) => {
  const guestBook = await createBook(request, { sku: uniqueSku('GUEST'), title: 'Guest Cart Book', price: 11, stock: 10 });
  const account = newAccount();
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  await setupPage.goto('/');
  await signUp(setupPage, account);
  await setup.close();

  await addToCart(page, guestBook.sku);
  await page.goto('/checkout');
  await completeSignIn(page, account);

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('complementary', { name: 'Order summary' })).toContainText('Guest Cart Book');
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await shot(page, 'guest-cart-merged');
});

test('a second shopper in another browser cannot see the first one\'s order', async ({ browser, page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('MINE'), title: 'Private Order Book', price: 14, stock: 10 });
  await page.goto('/');
  await signUp(page);
  await addToCart(page, book.sku);
  await page.goto('/checkout');
  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed');
  const orderUrl = new URL(page.url()).pathname;

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/');
  await signUp(second, newAccount('other'));
  await second.goto(orderUrl);
  await expect(second.getByRole('alert')).toHaveText('We could not find this order in your account.');
  await expect(second.getByText('1 Test Street')).toHaveCount(0);
  await expect(second.getByTestId('order-status')).toHaveCount(0);
  await second.goto('/account/orders');
  await expect(second.getByText('You have no orders yet.')).toBeVisible();
  await shot(second, 'other-shoppers-order');
  await other.close();
});
