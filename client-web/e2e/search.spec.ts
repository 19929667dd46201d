import { expect, test, type Page } from '@playwright/test';
import { shot } from './support';

const searchBox = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: 'Search books' });
const cards = (page: Page) => page.locator('.book-grid > li');
const found = (page: Page) => page.getByRole('status').filter({ hasText: /books? found/ });

test('search by an author with a typo finds the book, the author\'s name marked', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).fill('martin fowlr');
  await searchBox(page).press('Enter');

  await expect(page).toHaveURL(/\/search\?q=martin\+fowlr$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “martin fowlr”');
  const refactoring = cards(page).filter({ hasText: 'Refactoring: Improving the Design of Existing Code' });
  await expect(refactoring).toBeVisible();
  await expect(refactoring.locator('.author mark').first()).toBeVisible();
  await shot(page, 'search-author-typo');
});

test('a suggestion picked with the keyboard opens the book; an author suggestion searches by that author', async ({ page }) => {
  await page.goto('/');
  const box = searchBox(page);
  await box.pressSequentially('pragmat', { delay: 40 });
  const title = page.getByRole('option', { name: /The Pragmatic Programmer/ });
  await expect(title).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');

  // Down until the Pragmatic Programmer is the active option; focus stays in the box throughout.
  for (let i = 0; i < 8 && (await title.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
  await expect(title).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await title.getAttribute('id'))!);
  await expect(box).toBeFocused();
  await shot(page, 'search-suggestions');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/books\/BOOK-001$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Pragmatic Programmer');

  await box.pressSequentially('kent be', { delay: 40 });
  const author = page.getByRole('option', { name: /^Kent Beck\s*Author$/ });
  await expect(author).toBeVisible();
  for (let i = 0; i < 8 && (await author.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?author=Kent\+Beck$/);
  await expect(cards(page).filter({ hasText: 'Test Driven Development' })).toBeVisible();

  // Escape closes the list, a second Escape empties the box.
  await box.pressSequentially('refac', { delay: 40 });
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.press('Escape');
  await expect(box).toHaveValue('');
});

test('a facet filter goes into the address with its count, and the back button takes it off', async ({ page }) => {
  await page.goto('/search?q=classics');
  await expect(found(page)).toBeVisible();
  const filters = page.getByRole('navigation', { name: 'Filters' });
  const fiction = filters.getByRole('region', { name: 'Tags' }).getByRole('link', { name: /^fiction \(\d+\)$/ });
  await expect(fiction).toBeVisible();
  const count = Number((await fiction.textContent())!.match(/\((\d+)\)/)![1]);
  expect(count).toBeGreaterThan(0);

  await fiction.click();
  await expect(page).toHaveURL(/\/search\?q=classics&tag=fiction$/);
  await expect(found(page)).toHaveText(count === 1 ? '1 book found' : `${count} books found`);
  await expect(filters.getByRole('link', { name: /^fiction \(\d+\)\s*, chosen: remove this filter/ })).toHaveAttribute('aria-current', 'true');
  // The other facets show counts too, over the results with the tag applied.
  await expect(filters.getByRole('region', { name: 'Price' }).getByRole('link').first()).toHaveText(/\(\d+\)/);
  await shot(page, 'search-facet');

  await page.getByLabel('Sort by').selectOption('price');
  await expect(page).toHaveURL(/\/search\?q=classics&tag=fiction&sort=price$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=classics&tag=fiction$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=classics$/);
  await expect(filters.getByRole('link', { name: /chosen/ })).toHaveCount(0);
});

test('nothing found: says what was searched and what to try, and links to the whole catalog', async ({ page }) => {
  await page.goto('/search?q=qwxzvbnmk');
  await expect(page.getByRole('heading', { name: 'No books found for “qwxzvbnmk”' })).toBeVisible();
  await expect(page.getByText('Check the spelling, or use fewer words.')).toBeVisible();
  await shot(page, 'search-empty');
  await page.getByRole('link', { name: 'Browse all books' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(cards(page)).toHaveCount(12);
});
