import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { AdminGate } from './AdminGate';

const page = <AdminGate><p>secret page</p></AdminGate>;

describe('AdminGate', () => {
  it('opens for an account whose token carries the admin role', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('admin') });
    renderPage(page, { manager: shopper('ad000000000000000000000000000001', ['admin']) });
    expect(await screen.findByText('secret page')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Admin' })).toBeInTheDocument();
  });

  it('keeps a shopper without the admin role out, saying why', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('s') });
    renderPage(page, { manager: shopper('5b000000000000000000000000000001', ['machine']) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account cannot open the admin pages.');
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
  });

  it('asks a guest to sign in and shows nothing of the admin pages', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    renderPage(page);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
  });
});
