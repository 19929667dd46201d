import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { FakeUserManager, fakeUser, shopper } from '../test/fakeUserManager';
import type { AccountUser } from './accountUser';
import { AuthCallbackPage } from './AuthCallbackPage';
import { AuthProvider, useAuth } from './AuthContext';

function Probe() {
  const { status, user, signIn, signUp, signOut } = useAuth();
  return (
    <div>
      <p data-testid="status">{status}</p>
      <p data-testid="user">{user ? JSON.stringify(user) : 'guest'}</p>
      <button type="button" onClick={() => void signIn()}>in</button>
      <button type="button" onClick={() => void signUp('/account')}>up</button>
      <button type="button" onClick={() => void signOut()}>out</button>
    </div>
  );
}

function renderAuth(manager: FakeUserManager, route = '/books/BOOK-001?x=1', onSignedIn?: (u: AccountUser) => Promise<void>) {
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider manager={manager} onSignedIn={onSignedIn}>
          <Routes>
            <Route path="/auth/callback" element={<AuthCallbackPage />} />
            <Route path="/checkout" element={<p>checkout page</p>} />
            <Route path="/" element={<p>home page</p>} />
            <Route path="*" element={<Probe />} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </StrictMode>,
  );
}

const signedInUser = () => JSON.parse(screen.getByTestId('user').textContent!) as AccountUser;

describe('AuthProvider', () => {
  it('restores a session from the provider\'s cookie on page load, with the profile and the roles from the access token', async () => {
    const manager = shopper('a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', ['admin']);
    renderAuth(manager);

    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready'));
    expect(signedInUser()).toEqual({ sub: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', name: 'Ana Reader', email: 'ana@example.test', roles: ['admin'] });
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
  });

  it('is a guest when the provider has no session, loading until it knows', async () => {
    const manager = new FakeUserManager();
    renderAuth(manager);
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready'));
    expect(screen.getByTestId('user')).toHaveTextContent('guest');
  });

  it('signs in, up and out by redirect, coming back to the page the shopper was on', async () => {
    const manager = new FakeUserManager();
    renderAuth(manager);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('ready'));

    await userEvent.click(screen.getByRole('button', { name: 'in' }));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/books/BOOK-001?x=1' } });
    await userEvent.click(screen.getByRole('button', { name: 'up' }));
    expect(manager.signupRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/account' } });
    await userEvent.click(screen.getByRole('button', { name: 'out' }));
    expect(manager.signoutRedirect).toHaveBeenCalledTimes(1);
  });

  it('completes a sign-in at /auth/callback once, runs onSignedIn before leaving, and returns to the state\'s page', async () => {
    const manager = new FakeUserManager(null, fakeUser({ sub: 'c0ffee00c0ffee00c0ffee00c0ffee00' }, 'a1', { returnUrl: '/checkout' }));
    const seen: string[] = [];
    const onSignedIn = vi.fn(async (user: AccountUser) => { seen.push(`merged for ${user.sub}`); });
    renderAuth(manager, '/auth/callback?code=abc&state=xyz', onSignedIn);

    expect(await screen.findByText('checkout page')).toBeInTheDocument();
    expect(manager.signinRedirectCallback).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['merged for c0ffee00c0ffee00c0ffee00c0ffee00']);
  });

  it('does not follow a return URL off the site', async () => {
    const manager = new FakeUserManager(null, fakeUser({ sub: 'c0ffee' }, 'a1', { returnUrl: '//evil.example/steal' }));
    renderAuth(manager, '/auth/callback?code=abc&state=xyz');
    expect(await screen.findByText('home page')).toBeInTheDocument();
  });

  it('says why a sign-in could not complete and offers to try again', async () => {
    const manager = new FakeUserManager();
    renderAuth(manager, '/auth/callback?error=access_denied&state=xyz');
    expect(await screen.findByRole('alert')).toHaveTextContent('No matching state found in storage');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/' } });
  });

  it('gives the current access token, renewing an expired one silently first', async () => {
    const manager = shopper();
    let getToken: () => Promise<string | null> = async () => 'unset';
    function Token() {
      getToken = useAuth().getAccessToken;
      return null;
    }
    render(<MemoryRouter><AuthProvider manager={manager}><Token /></AuthProvider></MemoryRouter>);
    await waitFor(() => expect(manager.user).not.toBeNull());

    expect(await getToken()).toBe(manager.session!.access_token);
    const fresh = fakeUser({ sub: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' }, 'renewed');
    manager.user = fakeUser({ sub: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' }, 'old');
    manager.user.expires_at = Math.floor(Date.now() / 1000) - 10;
    manager.session = fresh;
    expect(await getToken()).toBe(fresh.access_token);
  });

  it('follows the UserManager when a renewal signs the user out', async () => {
    const manager = shopper();
    renderAuth(manager);
    await waitFor(() => expect(screen.getByTestId('user')).not.toHaveTextContent('guest'));
    await manager.removeUser();
    await waitFor(() => expect(screen.getByTestId('user')).toHaveTextContent('guest'));
  });
});
