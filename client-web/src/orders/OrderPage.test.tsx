import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, order } from '../test/fakeApi';
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
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId' });

    expect(await screen.findByTestId('order-status')).toHaveTextContent('Books reserved');
    expect(await screen.findByText('Confirmed', { selector: '[data-testid=order-status]' }, { timeout: 3000 })).toBeInTheDocument();
  });

  it('explains a declined payment', async () => {
    fakeApi({ 'GET /orders/[^/]+': () => order({ status: 'payment_failed', reason: 'card_declined' }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined by the bank.');
    expect(screen.getByRole('link', { name: 'Back to your cart' })).toBeInTheDocument();
  });

  it('says when the order cannot be loaded', async () => {
    fakeApi({ 'GET /orders/[^/]+': () => new Response(JSON.stringify({ detail: `order ${id} does not exist` }), { status: 404 }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<OrderPage />, { route: `/account/orders/${id}`, path: '/account/orders/:orderId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('does not exist');
  });
});
