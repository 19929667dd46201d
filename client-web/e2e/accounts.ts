import { expect, type Page } from '@playwright/test';

/** A shopper's account on the shop's identity provider. */
export interface Account { name: string; email: string; password: string }

let counter = 0;
export function newAccount(prefix = 'reader'): Account {
  const id = `${prefix}-${Date.now().toString(36)}-${counter++}`;
  return { name: `Reader ${id}`, email: `${id}@e2e.k8shop.test`, password: 'Shelf-Reader-2026!' };
}

const header = (page: Page) => page.getByRole('banner');
export const accountButton = (page: Page) => header(page).getByRole('button', { name: /^Hi, / });

/** Fills a field of the provider's pages when the page has it (the pages are the provider's; their labels are matched loosely). */
async function fillIfThere(page: Page, label: RegExp, value: string): Promise<void> {
  const field = page.getByLabel(label);
  if (await field.count()) await field.first().fill(value);
}

/** On the provider's sign-up page: creates the account, which signs it in and returns to the storefront. */
export async function completeSignUp(page: Page, account: Account): Promise<void> {
  await expect(page).toHaveURL(/\/identity\/signup/);
  await fillIfThere(page, /^(display |full |your )?name$/i, account.name);
  await page.getByLabel(/e-?mail/i).first().fill(account.email);
  await page.getByLabel(/^password/i).fill(account.password);
  await fillIfThere(page, /confirm|repeat/i, account.password);
  await page.getByRole('button', { name: /sign up|create|register/i }).click();
  await expect(accountButton(page)).toBeVisible({ timeout: 20_000 });
}

/** On the provider's sign-in page: signs in and returns to the storefront. */
export async function completeSignIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  await expect(page).toHaveURL(/\/identity\/signin/);
  await page.getByLabel(/e-?mail|user ?name/i).first().fill(account.email);
  await page.getByLabel(/^password/i).fill(account.password);
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  await expect(accountButton(page)).toBeVisible({ timeout: 20_000 });
}

/** Signs up from the storefront's header, coming back to the page it started on. */
export async function signUp(page: Page, account = newAccount()): Promise<Account> {
  await header(page).getByRole('button', { name: 'Sign up' }).click();
  await completeSignUp(page, account);
  return account;
}

export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  await header(page).getByRole('button', { name: 'Sign in' }).click();
  await completeSignIn(page, account);
}

/**
 * Signs out at the provider (end session), which comes back to the storefront's home page as a guest. A provider that
 * asks to confirm the sign-out on its own page gets the confirmation.
 */
export async function signOut(page: Page): Promise<void> {
  await accountButton(page).click();
  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toMatch(/^\/$|^\/(identity|connect)\//);
  if (new URL(page.url()).pathname !== '/')
    await page.getByRole('button', { name: /sign out|log out|yes/i }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
}
