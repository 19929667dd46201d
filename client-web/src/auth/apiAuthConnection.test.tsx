import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { fakeApi } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { AuthProvider, useAuth } from './AuthContext';

/** A page that calls the API as soon as it mounts, as the admin, order and product pages do. */
function LoadsOnMount({ name }: { name: string }) {
  const { user } = useAuth();
  useEffect(() => { if (user) void api.GET('/orders/{orderId}', { params: { path: { orderId: name } } }); }, [name, user]);
  return <p>{name} page <Link to="/second">next</Link></p>;
}

describe('the API client\'s session', () => {
  it('stays connected while the shopper moves between pages: a page\'s first call carries the token', async () => {
    const gateway = fakeApi({ 'GET /orders/.+': () => ({}) });
    render(
      <MemoryRouter initialEntries={['/first']}>
        <AuthProvider manager={shopper()}>
          <Routes>
            <Route path="/first" element={<LoadsOnMount name="first" />} />
            <Route path="/second" element={<LoadsOnMount name="second" />} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>,
    );
    await waitFor(() => expect(gateway.requests.some((r) => r.path === '/orders/first')).toBe(true));

    await userEvent.click(screen.getByRole('link', { name: 'next' }));
    await waitFor(() => expect(gateway.requests.some((r) => r.path === '/orders/second')).toBe(true));
    const sent = gateway.requests.filter((r) => r.path.startsWith('/orders/'))
      .map((r) => `${r.path}: ${r.headers.get('Authorization')?.split(' ')[0] ?? 'no token'}`);
    expect(sent).toContain('/orders/second: Bearer');
    expect(sent.filter((s) => s.endsWith('no token'))).toEqual([]);
  });
});
