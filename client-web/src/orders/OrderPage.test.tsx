import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, order } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { OrderPage } from './OrderPage';

const id = '3f2a1c4e-0000-4000-8000-000000000001';

describe('OrderPage', () => {
  it('follows a running checkout to its outcome without a reload', async () => {
    const answers = [
      order({ status: 'reserved', timeline: [{ status: 'pending', at: 'a', note: null }, { status: 'reserved', at: 'b', note: null }] }),
      order(),
    ];
    fakeApi({ 'GET /orders/[^/]+': () => answers.shift() ?? order(), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId', manager: shopper() });

    expect(await screen.findByTestId('order-status')).toHaveTextContent('Books reserved');
    expect(await screen.findByText('Confirmed', { selector: '[data-testid=order-status]' }, { timeout: 3000 })).toBeInTheDocument();
  });

  it('explains a declined payment', async () => {
    fakeApi({ 'GET /orders/[^/]+': () => order({ status: 'payment_failed', reason: 'card_declined' }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId', manager: shopper() });

    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined by the bank.');
    expect(screen.getByRole('link', { name: 'Back to your cart' })).toBeInTheDocument();
  });

  it('says an order it cannot find (another shopper\'s answers the same 404) is not in this account, and stops asking', async () => {
    const api = fakeApi({ 'GET /orders/[^/]+': () => new Response(JSON.stringify({ detail: `order ${id} does not exist` }), { status: 404 }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId', manager: shopper() });
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find this order in your account.');
    await new Promise((r) => setTimeout(r, 700));
    expect(api.requests.filter((r) => r.path.startsWith('/orders/'))).toHaveLength(1);
  });

  it('asks a guest to sign in instead of loading the order', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId' });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.requests.some((r) => r.path.startsWith('/orders/'))).toBe(false);
  });
});
