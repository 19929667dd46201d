import { expect, type APIRequestContext, type Page } from '@playwright/test';
import path from 'node:path';
import { adminKey, artifactsDir } from './host/paths';

/** Saves the page as the flow's artifact: artifacts/test-results/storefront/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

export const admin = { Authorization: `Bearer ${adminKey}` };

let counter = 0;
export function uniqueSku(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${counter++}`.toUpperCase();
}

/** Adds a book through the admin API, for flows that need a known title, price and stock. */
export async function createBook(request: APIRequestContext, fields: { sku: string; title: string; price: number; stock: number; tags?: string[] }) {
  const response = await request.post('/products', {
    headers: admin,
    data: { author: 'E2E Author', description: 'A book made by the storefront tests.', tags: ['e2e'], ...fields },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function setStock(request: APIRequestContext, sku: string, stock: number): Promise<void> {
  const response = await request.put(`/inventory/${sku}`, { headers: admin, data: { stock } });
  expect(response.ok(), await response.text()).toBe(true);
}

/** The guest id the storefront keeps in this browser context (after the first page load). */
export async function guestId(page: Page): Promise<string> {
  const id = await page.evaluate(() => localStorage.getItem('k8shop.guestId'));
  expect(id).toBeTruthy();
  return id!;
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
