import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, json } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { AccountPage } from './AccountPage';

const sub = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';

describe('AccountPage', () => {
  it('shows the profile from the token and saves the contact the notifications use', async () => {
    const api = fakeApi({
      'GET /cart/.+': () => emptyCart(sub),
      'GET /notifications/.+/contact': () => ({ user_id: sub, email: 'old@example.test', phone: null }),
      'PUT /notifications/.+/contact': () => ({ user_id: sub, email: 'new@example.test', phone: '+34600111222' }),
    });
    renderPage(<AccountPage />, { route: '/account', manager: shopper(sub) });

    expect(await screen.findByTestId('profile-name')).toHaveTextContent('Ana Reader');
    expect(screen.getByTestId('profile-email')).toHaveTextContent('ana@example.test');
    expect(screen.getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/identity/change-password?returnUrl=%2Faccount');
    expect(screen.getByRole('link', { name: 'Your orders' })).toHaveAttribute('href', '/account/orders');

    const email = await screen.findByLabelText('E-mail for notifications');
    await waitFor(() => expect(email).toHaveValue('old@example.test'));
    await userEvent.clear(email);
    await userEvent.type(email, 'new@example.test');
    await userEvent.type(screen.getByLabelText('Phone (optional)'), '+34 600 111 222');
    await userEvent.click(screen.getByRole('button', { name: 'Save contact details' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const saved = api.requests.find((r) => r.method === 'PUT')!;
    expect(saved.path).toBe(`/notifications/${sub}/contact`);
    expect(saved.body).toEqual({ email: 'new@example.test', phone: '+34600111222' });
    expect(saved.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('suggests the account e-mail when no contact is saved yet, and explains a bad phone before sending', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart(sub), 'GET /notifications/.+/contact': () => json({ detail: 'no contact' }, 404) });
    renderPage(<AccountPage />, { route: '/account', manager: shopper(sub) });

    await waitFor(() => expect(screen.getByLabelText('E-mail for notifications')).toHaveValue('ana@example.test'));
    await userEvent.type(screen.getByLabelText('Phone (optional)'), '600');
    await userEvent.click(screen.getByRole('button', { name: 'Save contact details' }));
    expect(screen.getByLabelText('Phone (optional)')).toHaveAccessibleDescription(/country code/);
    expect(api.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('asks a guest to sign in', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<AccountPage />, { route: '/account' });
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create an account' })).toBeInTheDocument();
  });
});
