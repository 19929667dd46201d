import { expect, test } from '@playwright/test';
import { createBook, shot, uniqueSku } from './support';

test('browse and search: grid, header search box, tag filter, price range, sort, paging and sold-out badge', async ({ page, request }) => {
  const soldOut = await createBook(request, { sku: uniqueSku('SOLD'), title: 'Zebra Sold Out Almanac', price: 12.5, stock: 0 });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Books' })).toBeVisible();
  const cards = page.locator('.book-grid > li');
  await expect(cards).toHaveCount(12);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of');

  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of');

  const search = page.getByRole('combobox', { name: 'Search books' });
  await search.fill('clean code');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=clean\+code/);
  await expect(cards.first()).toContainText('Clean Code');

  await page.goto('/');
  await page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: 'programming' }).click();
  await expect(page).toHaveURL(/tag=programming/);
  await expect(page.getByRole('status').filter({ hasText: 'tagged programming' })).toBeVisible();

  await page.getByRole('spinbutton', { name: 'From' }).fill('40');
  await page.getByRole('spinbutton', { name: 'To' }).fill('45');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByLabel('Sort by').selectOption('-price');
  await expect(page).toHaveURL(/sort=-price/);
  await expect(page.locator('section[aria-busy="false"]')).toBeVisible();
  const prices = async () => (await cards.locator('.price').allTextContents()).map((p) => Number(p.replace(/[^0-9.]/g, '')));
  await expect.poll(async () => {
    const values = await prices();
    return values.length > 0 && values.every((v, i) => v >= 40 && v <= 45 && (i === 0 || values[i - 1]! >= v));
  }, { message: 'prices within 40-45, highest first' }).toBe(true);

  await page.goto(`/?q=${encodeURIComponent(soldOut.title)}`);
  const card = cards.filter({ hasText: soldOut.title });
  await expect(card.getByText('Sold out', { exact: true }).first()).toBeVisible();
  await expect(card.getByRole('button', { name: `Sold out: ${soldOut.title}` })).toBeDisabled();
  await shot(page, 'browse-and-search');

  await page.goto('/?tag=no-such-tag-anywhere');
  await expect(page.getByText('No books match these filters.')).toBeVisible();
});

test('the catalog works on a phone-sized screen and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.locator('.book-grid > li')).toHaveCount(12);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Search books' }).focus();
  await page.keyboard.type('pragmatic');
  await page.keyboard.press('Enter');
  await expect(page.locator('.book-grid > li').first()).toContainText(/Pragmatic/i);
  await shot(page, 'catalog-phone');

  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fitsTheScreen()).toBe(true);
  for (const path of ['/search?q=pragmatic', '/books/BOOK-001', '/basket', '/signin', '/account/orders', '/status']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await fitsTheScreen(), `${path} is wider than the phone`).toBe(true);
  }
  await page.goto('/books/BOOK-001');
  await page.getByRole('heading', { name: 'Related books' }).waitFor();
  expect(await fitsTheScreen(), 'the book page with related books is wider than the phone').toBe(true);
  await shot(page, 'book-phone');
});

test('home shelves: each with its reason, and a guest\'s recently viewed books from this browser', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Books' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recently viewed' })).toHaveCount(0);

  // The view is noted once the page knows the visitor is a guest (after the provider's silent check).
  const viewed = () => page.evaluate(() => JSON.parse(localStorage.getItem('k8shop.recentlyViewed') ?? '[]') as string[]);
  for (const sku of ['BOOK-004', 'BOOK-005']) {
    await page.goto(`/books/${sku}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(viewed).toContain(sku);
  }
  expect(await viewed()).toEqual(['BOOK-005', 'BOOK-004']);
  await page.goto('/');
  const recent = page.getByRole('region', { name: 'Recently viewed' });
  await expect(recent.getByRole('link')).toHaveText(['Atomic Habits', 'Deep Work']);
  for (const shelf of await page.locator('.shelf').all()) await expect(shelf.locator('.shelf-reason')).not.toBeEmpty();
  await shot(page, 'home-shelves');
});
