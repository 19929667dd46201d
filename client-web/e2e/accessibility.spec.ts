import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { accountButton, signIn, signUp } from './accounts';
import { adminAccount } from './host/paths';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The shop's CSP allows scripts from its own origin only, so axe (injected by the test, not served by the shop) needs
// Playwright's CSP bypass; the other specs run the storefront under the real policy, which this one still checks is sent.
test.use({ bypassCSP: true });

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and answers the serious and critical violations. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

const guestPages: [string, string, string][] = [
  ['catalog', '/', 'Books'],
  ['search results', '/search?q=pragmatic+programmer', 'found'],
  ['search with a facet', '/search?q=classics&tag=fiction', 'found'],
  ['search, nothing found', '/search?q=qwxzvbnmk', 'No books found'],
  ['book', '/books/BOOK-001', 'Add to cart'],
  ['book reviews', '/books/BOOK-001', 'Ratings and reviews'],
  ['cart', '/basket', 'Your cart'],
  ['orders (guest)', '/account/orders', 'Your orders'],
  ['sign-in', '/signin', 'Sign in'],
  ['status', '/status', 'Service status'],
];

const shopperPages: [string, string, string][] = [
  ['checkout', '/checkout', 'Order summary'],
  ['orders', '/account/orders', 'Your orders'],
  ['account', '/account', 'Contact'],
  ['notifications', '/account/notifications', 'Notifications'],
];

test('storefront pages have no serious accessibility violations (axe-core, WCAG 2.1 AA)', async ({ browser, page }) => {
  // Twenty pages and states, each scanned by axe: longer than one flow's minute on a busy machine.
  test.setTimeout(180_000);
  const problems: string[] = [];
  const served = await page.goto('/');
  expect(served?.headers()['content-security-policy']).toContain("script-src 'self'");
  const check = async (name: string, path: string, text: string) => {
    await page.goto(path);
    // In the page's own content: the header's account menu (closed, hidden) has links named like some pages.
    await expect(page.getByRole('main').getByText(text).first()).toBeVisible();
    problems.push(...(await violations(page)).map((v) => `${name}: ${v}`));
  };
  for (const [name, path, text] of guestPages) await check(name, path, text);

  // The search box with its suggestions open.
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search books' }).pressSequentially('pragm', { delay: 40 });
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Search books' }).press('ArrowDown');
  problems.push(...(await violations(page)).map((v) => `search suggestions: ${v}`));

  await page.goto('/books/BOOK-001');
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await signUp(page);
  await accountButton(page).click();
  problems.push(...(await violations(page)).map((v) => `account menu: ${v}`));
  for (const [name, path, text] of shopperPages) await check(name, path, text);

  const adminContext = await browser.newContext({ bypassCSP: true });
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/');
  await signIn(adminPage, adminAccount);
  await adminPage.goto('/admin/stock');
  await expect(adminPage.getByRole('table')).toBeVisible();
  problems.push(...(await violations(adminPage)).map((v) => `admin stock: ${v}`));
  await adminPage.goto('/admin/moderation');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(adminPage.getByRole('group', { name: 'Which reviews' })).toBeVisible();
  problems.push(...(await violations(adminPage)).map((v) => `admin reviews: ${v}`));
  await adminContext.close();
  expect(problems).toEqual([]);
});
