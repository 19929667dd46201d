import { expect, type APIRequestContext, type Page } from '@playwright/test';
import path from 'node:path';
import { artifactsDir, operatorSecret } from './host/paths';

/** Saves the page as the flow's artifact: artifacts/test-results/storefront/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

let operator: { token: string; until: number } | undefined;

/** An admin-role bearer header from the operator client (client credentials), as an operator's script would get one. */
export async function admin(request: APIRequestContext): Promise<Record<string, string>> {
  if (!operator || operator.until < Date.now()) {
    const response = await request.post('/connect/token', {
      form: { grant_type: 'client_credentials', client_id: 'operator', client_secret: operatorSecret, scope: 'k8shop' },
    });
    expect(response.status(), await response.text()).toBe(200);
    const { access_token: token, expires_in: lifetime } = await response.json();
    operator = { token, until: Date.now() + (Number(lifetime ?? 300) - 30) * 1000 };
  }
  return { Authorization: `Bearer ${operator.token}` };
}

let counter = 0;
export function uniqueSku(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${counter++}`.toUpperCase();
}

/** Adds a book through the admin API, for flows that need a known title, price and stock. */
export async function createBook(request: APIRequestContext, fields: { sku: string; title: string; price: number; stock: number; tags?: string[] }) {
  const response = await request.post('/products', {
    headers: await admin(request),
    data: { author: 'E2E Author', description: 'A book made by the storefront tests.', tags: ['e2e'], ...fields },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function setStock(request: APIRequestContext, sku: string, stock: number): Promise<void> {
  const response = await request.put(`/inventory/${sku}`, { headers: await admin(request), data: { stock } });
  expect(response.ok(), await response.text()).toBe(true);
}

/** Fills the checkout form with valid details and the given card. */
export async function fillCheckout(page: Page, card: string): Promise<void> {
  await page.getByLabel('Full name').fill('Ana Tester');
  await page.getByLabel('E-mail').fill('ana@example.test');
  await page.getByLabel('Street address').fill('1 Test Street');
  await page.getByLabel('City').fill('Madrid');
  await page.getByLabel('Postal code').fill('28001');
  await page.getByLabel('Country').fill('Spain');
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry (MM/YY)').fill('12/39');
  await page.getByLabel('Security code').fill('123');
}

export async function addToCart(page: Page, sku: string): Promise<void> {
  await page.goto(`/books/${sku}`);
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
}
