import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, json } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { AdminGate } from './AdminGate';

describe('AdminGate', () => {
  it('refuses a wrong key and keeps the admin pages locked', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g'), 'GET /products': () => json({ detail: 'the admin key presented is not the configured one' }, 403) });
    renderPage(<AdminGate><p>secret page</p></AdminGate>);
    await userEvent.type(screen.getByLabelText('Admin key'), 'nope{Enter}');
    expect(await screen.findByText('That admin key is not right.')).toBeInTheDocument();
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
    expect(sessionStorage.getItem('k8shop.adminKey')).toBeNull();
  });

  it('opens with the right key and sends it as a bearer credential', async () => {
    const api = fakeApi({ 'GET /cart/.+': () => emptyCart('g'), 'GET /products': () => ({ items: [], count: 0 }) });
    renderPage(<AdminGate><p>secret page</p></AdminGate>);
    await userEvent.type(screen.getByLabelText('Admin key'), 'k3y{Enter}');
    expect(await screen.findByText('secret page')).toBeInTheDocument();
    expect(api.requests.find((r) => r.path.startsWith('/products'))?.headers.get('Authorization')).toBe('Bearer k3y');
  });
});
