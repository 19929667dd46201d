import { expect, test } from '@playwright/test';
import { signIn, signUp } from './accounts';
import { adminAccount } from './host/paths';
import { addToCart, createBook, fillCheckout, shot, uniqueSku } from './support';

test('a shopper reviews a book bought earlier: Verified purchase, edited, then hidden by an admin', async ({ browser, page, request }) => {
  const book = await createBook(request, { sku: uniqueSku('REV'), title: 'Reviewed After Buying', price: 18, stock: 5 });
  await page.goto('/');
  await signUp(page);

  // Not bought yet: no form, and the reason why.
  await page.goto(`/books/${book.sku}`);
  const reviews = page.getByRole('region', { name: 'Ratings and reviews' });
  await expect(reviews.getByText('No ratings yet.')).toBeVisible();
  await expect(reviews.getByText('Only shoppers who bought this book can review it.')).toBeVisible();

  await addToCart(page, book.sku);
  await page.goto('/checkout');
  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed', { timeout: 30_000 });

  await page.goto(`/books/${book.sku}`);
  const form = reviews.getByRole('form', { name: 'Review this book' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Post review' }).click();
  await expect(form.getByText('Choose a rating from 1 to 5 stars.')).toBeVisible();
  await form.getByRole('radio', { name: '4 stars' }).check();
  await form.getByLabel('Review text').fill('Read it in a weekend. <b>Not bold</b>');
  await expect(form.getByText(/^37 of 10–4,000 characters$/)).toBeVisible();
  await form.getByRole('button', { name: 'Post review' }).click();

  await expect(reviews.getByRole('status').filter({ hasText: 'Thank you: your review is posted.' })).toBeVisible();
  const mine = reviews.getByRole('list', { name: 'Reviews' }).getByRole('listitem').filter({ hasText: 'Read it in a weekend.' });
  await expect(mine).toContainText('Verified purchase');
  await expect(mine.locator('.review-text')).toHaveText('Read it in a weekend. <b>Not bold</b>');
  await expect(mine.locator('b')).toHaveCount(0);
  await expect(reviews.getByText('1 rating', { exact: true })).toBeVisible();
  await expect(reviews.getByRole('img', { name: 'Rated 4.0 out of 5' }).first()).toBeVisible();
  await shot(page, 'review-posted');

  const edit = reviews.getByRole('form', { name: 'Your review' });
  await edit.getByRole('radio', { name: '5 stars' }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(reviews.getByRole('status').filter({ hasText: 'Your review is updated.' })).toBeVisible();
  await expect(reviews.getByRole('img', { name: 'Rated 5.0 out of 5' }).first()).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/');
  await signIn(admin, adminAccount);
  await admin.goto('/admin/moderation');
  const row = admin.getByRole('row').filter({ hasText: book.sku });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /^Hide review by / }).click();
  await expect(admin.getByRole('row').filter({ hasText: book.sku })).toHaveCount(0);
  await adminContext.close();

  // Hidden: out of the list and the summary for everyone; its author still sees it, marked hidden.
  await page.reload();
  await expect(reviews.getByText('No ratings yet.')).toBeVisible();
  await expect(reviews.getByText('A moderator has hidden your review: only you can see it.')).toBeVisible();
});
