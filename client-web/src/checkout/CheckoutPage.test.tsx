import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, order } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { CheckoutPage } from './CheckoutPage';

const sub = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
const at = () => ({ route: '/checkout', path: '/checkout', manager: shopper(sub) });
const cart = { userId: sub, items: [{ productId: 'BOOK-001', quantity: 1, price: 42.99, total: 42.99, title: 'Clean Code' }], itemCount: 1, subtotal: 42.99 };

async function fillAndSubmit(card: string) {
  const fill = async (label: string, text: string) => {
    await userEvent.clear(screen.getByLabelText(label));
    await userEvent.paste(text);
  };
  await fill('Full name', 'Ana Tester');
  await fill('E-mail', 'ana@example.com');
  await fill('Street address', '1 Street');
  await fill('City', 'Madrid');
  await fill('Postal code', '28001');
  await fill('Country', 'Spain');
  await fill('Card number', card);
  await fill('Expiry (MM/YY)', '12/39');
  await fill('Security code', '123');
  await userEvent.click(screen.getByRole('button', { name: 'Place order' }));
}

describe('CheckoutPage', () => {
  it('sends a guest to sign in, coming back to checkout, and shows no form', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => cart });
    const { manager } = renderPage(<CheckoutPage />, { route: '/checkout', path: '/checkout' });
    expect(await screen.findByText('Taking you to sign in…')).toBeInTheDocument();
    await waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnUrl: '/checkout' } }));
    expect(screen.queryByRole('button', { name: 'Place order' })).not.toBeInTheDocument();
    expect(api.requests.some((r) => r.path.startsWith('/payments') || r.path.startsWith('/orders'))).toBe(false);
  });

  it('tokenizes the card, places one order for the account with an Idempotency-Key and the shipping address, then opens the order', async () => {
    const api = fakeApi({
      'GET /cart/.+': () => cart,
      'POST /payments/tokens': () => ({ token: 'tok_abc', brand: 'visa', last4: '4242' }),
      'PUT /notifications/.+/contact': () => ({ user_id: 'g', email: 'ana@example.com', phone: null }),
      'GET /orders/by-key': () => json({ detail: 'no order was placed under this key' }, 404),
      'POST /orders': () => order(),
    });
    renderPage(<CheckoutPage />, at());
    await screen.findByRole('heading', { name: 'Order summary' });
    expect(screen.getByLabelText('E-mail')).toHaveValue('ana@example.test');

    await fillAndSubmit('4242 4242 4242 4242');

    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(api.requests.find((r) => r.path.endsWith('/contact'))?.path).toBe(`/notifications/${sub}/contact`);
    const tokenRequest = api.requests.find((r) => r.path === '/payments/tokens')!;
    expect(tokenRequest.body).toEqual({ card_number: '4242424242424242', exp_month: 12, exp_year: 2039, cvc: '123' });
    const placed = api.requests.filter((r) => r.method === 'POST' && r.path === '/orders');
    expect(placed).toHaveLength(1);
    expect(placed[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(placed[0]!.headers.get('Authorization')).toMatch(/^Bearer ey/);
    expect(placed[0]!.body).toEqual({
      userId: sub, items: null, paymentToken: 'tok_abc',
      shipping: { name: 'Ana Tester', address: '1 Street', city: 'Madrid', postalCode: '28001', country: 'Spain' },
    });
    expect(JSON.stringify(placed[0]!.body)).not.toContain('4242');
  });

  it('explains card details the processor refused, and places nothing', async () => {
    const api = fakeApi({
      'GET /cart/.+': () => cart,
      'POST /payments/tokens': () => json({ detail: 'card_number is not a valid card number (check digit)', errors: { card_number: ['is not a valid card number (check digit)'] } }, 422),
    });
    renderPage(<CheckoutPage />, at());
    await screen.findByRole('heading', { name: 'Order summary' });

    await fillAndSubmit('4242 4242 4242 4241');

    expect(await screen.findByRole('alert')).toHaveTextContent('Your card details were not accepted: card_number is not a valid card number');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled());
    expect(api.requests.some((r) => r.path === '/orders')).toBe(false);
  });

  it('says the cart is empty instead of showing the form', async () => {
    fakeApi({ 'GET /cart/.+': () => ({ userId: 'g', items: [], itemCount: 0, subtotal: 0 }) });
    renderPage(<CheckoutPage />, at());
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place order' })).not.toBeInTheDocument();
  });
});
