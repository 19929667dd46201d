import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from '../auth/AuthContext';
import { CartProvider, useCart } from '../cart/CartContext';
import { emptyCart, fakeApi, json, testGuestId } from '../test/fakeApi';
import { FakeUserManager, fakeUser, shopper } from '../test/fakeUserManager';
import { requestGuestId } from './guestId';
import { mergeGuestCart } from './mergeGuestCart';
import { SessionProvider, useSession } from './SessionContext';

const sub = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
const line = { productId: 'BOOK-001', quantity: 2, price: 10, total: 20, title: 'Clean Code' };

function Shopper() {
  const { shopperId } = useSession();
  const { cart, error } = useCart();
  return <p data-testid="shopper">{shopperId ?? 'unknown'} · {cart ? `${cart.itemCount} items` : error ? error.message : 'no cart'}</p>;
}

function renderShop(manager: FakeUserManager, route = '/') {
  render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider manager={manager} onSignedIn={mergeGuestCart}>
        <SessionProvider>
          <CartProvider>
            <Routes><Route path="*" element={<Shopper />} /></Routes>
          </CartProvider>
        </SessionProvider>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe('guest id', () => {
  it('is issued by the server (POST /auth/guest with the cookie, once per page) and is the guest cart\'s id', async () => {
    const api = fakeApi({ 'GET /cart/.+': (_, m) => ({ ...emptyCart(m[0]!.slice(6)), items: [line], itemCount: 2, subtotal: 20 }) });
    renderShop(new FakeUserManager());

    await waitFor(() => expect(screen.getByTestId('shopper')).toHaveTextContent(`${testGuestId} · 2 items`));
    expect(await requestGuestId()).toBe(testGuestId);
    const issued = api.requests.filter((r) => r.path === '/auth/guest');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(issued[0]!.headers.get('Authorization')).toBeNull();
    expect(api.requests.find((r) => r.path.startsWith('/cart/'))?.path).toBe(`/cart/${testGuestId}`);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('is not asked for when the shopper is signed in: the cart is the account\'s, by its sub, with the token', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart(sub) });
    renderShop(shopper(sub));

    await waitFor(() => expect(screen.getByTestId('shopper')).toHaveTextContent(`${sub} · 0 items`));
    expect(api.requests.some((r) => r.path === '/auth/guest')).toBe(false);
    const cart = api.requests.find((r) => r.path.startsWith('/cart/'))!;
    expect(cart.path).toBe(`/cart/${sub}`);
    expect(cart.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('says the cart cannot start when the server issues no guest id', async () => {
    fakeApi({ 'POST /auth/guest': () => json({ detail: 'down' }, 503) });
    renderShop(new FakeUserManager());
    expect(await screen.findByText(/could not start a guest cart/)).toBeInTheDocument();
  });
});

describe('signing in with a guest cart', () => {
  it('merges the guest cart into the account\'s before the account cart loads, then shows the account cart', async () => {
    const api = fakeApi({
      'POST /cart/.+/merge': () => ({ ...emptyCart(sub), items: [line], itemCount: 2, subtotal: 20 }),
      'GET /cart/.+': () => ({ ...emptyCart(sub), items: [line], itemCount: 2, subtotal: 20 }),
    });
    renderShop(new FakeUserManager(null, fakeUser({ sub }, 'a1', { returnUrl: '/basket' })), '/auth/callback?code=c&state=s');

    await waitFor(() => expect(screen.getByTestId('shopper')).toHaveTextContent(`${sub} · 2 items`));
    const merge = api.requests.find((r) => r.path.endsWith('/merge'))!;
    expect(merge.path).toBe(`/cart/${sub}/merge`);
    expect(merge.body).toEqual({ guestId: testGuestId });
    expect(merge.headers.get('Authorization')).toMatch(/^Bearer /);
    const order = api.requests.map((r) => r.path);
    expect(order.indexOf(`/cart/${sub}/merge`)).toBeLessThan(order.indexOf(`/cart/${sub}`));
    expect(order).not.toContain(`/cart/${testGuestId}`);
  });

  it('still signs in when the merge is refused', async () => {
    fakeApi({ 'POST /cart/.+/merge': () => json({ detail: 'not your guest cart' }, 403), 'GET /cart/.+': () => emptyCart(sub) });
    renderShop(new FakeUserManager(null, fakeUser({ sub }, 'a1', { returnUrl: '/' })), '/auth/callback?code=c&state=s');
    await waitFor(() => expect(screen.getByTestId('shopper')).toHaveTextContent(`${sub} · 0 items`));
  });
});
