import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { adminKey } from './host/paths';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

const pages: [string, string, string][] = [
  ['catalog', '/', 'Books'],
  ['book', '/books/BOOK-001', 'Add to cart'],
  ['cart', '/basket', 'Your cart'],
  ['checkout', '/checkout', 'Checkout'],
  ['orders', '/account/orders', 'Your orders'],
  ['sign-in', '/signin', 'Sign in'],
  ['status', '/status', 'Service status'],
];

test('storefront pages have no serious accessibility violations (axe-core, WCAG 2.1 AA)', async ({ page }) => {
  const problems: string[] = [];
  for (const [name, path, text] of pages) {
    await page.goto(path);
    await expect(page.getByText(text).first()).toBeVisible();
    problems.push(...(await violations(page)).map((v) => `${name}: ${v}`));
  }
  await page.goto('/admin/stock');
  await page.getByLabel('Admin key').fill(adminKey);
  await page.getByRole('button', { name: 'Unlock admin' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  problems.push(...(await violations(page)).map((v) => `admin stock: ${v}`));
  expect(problems).toEqual([]);
});
