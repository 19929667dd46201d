import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { book, emptyCart, fakeApi, json, testGuestId } from '../test/fakeApi';
import { FakeUserManager, shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { recentlyViewed } from '../shelves/recentlyViewed';
import { BookDetailPage } from './BookDetailPage';

const at = { route: '/books/BOOK-001', path: '/books/:sku' };

/** What else the book page asks for: its reviews, and (signed in) the view it records. */
const around = {
  'GET /catalog/BOOK-001/reviews': () => ({ sku: 'BOOK-001', summary: { average: 0, count: 0, stars: [0, 0, 0, 0, 0] }, items: [], total: 0, page: 1, pageSize: 10, mine: null, canReview: false }),
  'POST /recommendations/viewed': () => new Response(null, { status: 204 }),
};

describe('BookDetailPage', () => {
  it('shows the book with its author, description and stock', async () => {
    fakeApi({ ...around, 'GET /catalog/BOOK-001': () => book(), 'GET /cart/.+': () => emptyCart('g'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }) });
    renderPage(<BookDetailPage />, at);
    expect(await screen.findByRole('heading', { level: 1, name: 'Clean Code' })).toBeInTheDocument();
    expect(screen.getByText('by Robert C. Martin')).toBeInTheDocument();
    expect(screen.getByText('12 in stock')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Cover of Clean Code' })).toHaveAttribute('src', '/covers/BOOK-001.svg');
  });

  it('adds the book when clicked before the page knows who is shopping, once the guest id comes', async () => {
    const api = fakeApi({ ...around,
      'GET /catalog/BOOK-001': () => book(), 'GET /cart/.+': () => emptyCart(testGuestId),
      'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }),
      'POST /cart/.+/items': () => ({ ...emptyCart(testGuestId), items: [{ productId: 'BOOK-001', quantity: 1, price: 42.99, total: 42.99, title: 'Clean Code' }], itemCount: 1, subtotal: 42.99 }),
    });
    const manager = new FakeUserManager();
    let noSession: () => void = () => undefined;
    manager.signinSilent.mockImplementation(() => new Promise((_, reject) => { noSession = () => reject(new Error('login_required')); }));
    renderPage(<BookDetailPage />, { ...at, manager });

    await userEvent.click(await screen.findByRole('button', { name: 'Add to cart' }));
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    noSession();

    expect(await screen.findByText('Added to your cart.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/items'))?.path).toBe(`/cart/${testGuestId}/items`);
  });

  it('explains a sold-out book and offers a back-in-stock e-mail instead of the cart button', async () => {
    const sub = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
    const api = fakeApi({ ...around,
      'GET /catalog/BOOK-001': () => book({ stock: 0 }), 'GET /cart/.+': () => emptyCart(sub),
      'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }),
      'POST /notifications/.+/back-in-stock': () => ({}),
    });
    renderPage(<BookDetailPage />, { ...at, manager: shopper(sub) });
    expect(await screen.findByText(/This book is sold out/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Tell me when it is back' }));

    expect(await screen.findByText('We will e-mail you when it is back in stock.')).toBeInTheDocument();
    const asked = api.requests.find((r) => r.path.endsWith('/back-in-stock'))!;
    expect(asked.path).toBe(`/notifications/${sub}/back-in-stock`);
    expect(asked.headers.get('Authorization')).toMatch(/^Bearer ey/);
  });

  it('asks a guest to sign in before promising a back-in-stock e-mail, and comes back to the book', async () => {
    fakeApi({ ...around, 'GET /catalog/BOOK-001': () => book({ stock: 0 }), 'GET /cart/.+': () => emptyCart('g'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }) });
    const { manager } = renderPage(<BookDetailPage />, at);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in to be told when it is back' }));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/books/BOOK-001' } });
  });

  it('says when there is no such book', async () => {
    fakeApi({ ...around, 'GET /catalog/BOOK-001': () => json({ error: 'not found', detail: 'not found' }, 404), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<BookDetailPage />, at);
    expect(await screen.findByRole('heading', { name: 'Book not found' })).toBeInTheDocument();
  });

  it('records the view: in this browser for a guest, with the shop for a signed-in shopper', async () => {
    const guest = fakeApi({ 'GET /catalog/BOOK-001': () => book(), 'GET /cart/.+': () => emptyCart('g'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }), ...around });
    const { unmount } = renderPage(<BookDetailPage />, at);
    await screen.findByRole('heading', { level: 1, name: 'Clean Code' });
    await waitFor(() => expect(recentlyViewed()).toEqual(['BOOK-001']));
    expect(guest.requests.some((r) => r.path === '/recommendations/viewed')).toBe(false);
    unmount();
    localStorage.clear();

    const signedIn = fakeApi({ 'GET /catalog/BOOK-001': () => book(), 'GET /cart/.+': () => emptyCart('s'), 'GET /recommendations': () => ({ strategy: 'related', recommendations: [] }), ...around });
    renderPage(<BookDetailPage />, { ...at, manager: shopper() });
    await waitFor(() => expect(signedIn.requests.filter((r) => r.path === '/recommendations/viewed').map((r) => r.body)).toEqual([{ productId: 'BOOK-001', userId: null }]));
    expect(recentlyViewed()).toEqual([]);
  });
});
