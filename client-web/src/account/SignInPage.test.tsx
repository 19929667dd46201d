import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { SignInPage } from './SignInPage';

describe('SignInPage', () => {
  it('sends a guest to the provider to sign in or sign up, coming back to the cart', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    const { manager } = renderPage(<SignInPage />, { route: '/signin' });

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/basket' } });

    await userEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    expect(manager.signupRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/basket' } });
  });

  it('shows who is signed in and signs out at the provider', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('a') });
    const { manager } = renderPage(<SignInPage />, { route: '/signin', manager: shopper() });

    expect(await screen.findByText('Ana Reader')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(manager.signoutRedirect).toHaveBeenCalled();
  });
});
