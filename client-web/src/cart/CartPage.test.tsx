import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { CartPage } from './CartPage';

const line = (quantity: number) => ({ productId: 'BOOK-001', quantity, price: 42.99, total: Math.round(42.99 * quantity * 100) / 100, title: 'Clean Code' });

describe('CartPage', () => {
  it('shows the server\'s prices and subtotal, and a changed quantity shows what the server answers', async () => {
    const api = fakeApi({
      'GET /cart/.+': () => ({ userId: 'g', items: [line(1)], itemCount: 1, subtotal: 42.99 }),
      'PUT /cart/.+/items/BOOK-001': () => ({ userId: 'g', items: [line(3)], itemCount: 3, subtotal: 128.97 }),
    });
    renderPage(<CartPage />);
    expect(await screen.findByTestId('subtotal')).toHaveTextContent('$42.99');

    await userEvent.selectOptions(screen.getByLabelText('Quantity of Clean Code'), '3');

    await waitFor(() => expect(screen.getByTestId('subtotal')).toHaveTextContent('$128.97'));
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({ quantity: 3 });
  });

  it('removes a line and then says the cart is empty', async () => {
    fakeApi({
      'GET /cart/.+': () => ({ userId: 'g', items: [line(1)], itemCount: 1, subtotal: 42.99 }),
      'DELETE /cart/.+/items/BOOK-001': () => emptyCart('g'),
    });
    renderPage(<CartPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Clean Code' }));
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
  });
});
