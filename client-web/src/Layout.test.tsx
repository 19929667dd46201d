import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Layout } from './Layout';
import { emptyCart, fakeApi } from './test/fakeApi';
import { shopper } from './test/fakeUserManager';
import { renderPage } from './test/render';

const main = () => screen.getByRole('navigation', { name: 'Main' });

describe('Layout header', () => {
  it('offers a guest Sign in and Sign up, and no Admin link', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    const { manager } = renderPage(<Layout />, { route: '/books/BOOK-001' });

    await userEvent.click(await screen.findByRole('button', { name: 'Sign up' }));
    expect(manager.signupRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/books/BOOK-001' } });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(within(main()).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Orleans dashboard' })).not.toBeInTheDocument();
  });

  it('gives a shopper an account menu that ends in Sign out, still without Admin', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('s') });
    const { manager } = renderPage(<Layout />, { manager: shopper() });

    const menu = await screen.findByRole('button', { name: /Hi, Ana Reader/ });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'Your account' })).not.toBeInTheDocument();
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Orders' })).toHaveAttribute('href', '/account/orders');
    expect(screen.getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/account');
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
    await userEvent.click(menu);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(manager.signoutRedirect).toHaveBeenCalled();
    expect(within(main()).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('shows the Admin link only to an account with the admin role', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('a') });
    renderPage(<Layout />, { manager: shopper('ad000000000000000000000000000001', ['admin']) });
    expect(await within(main()).findByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
  });
});
