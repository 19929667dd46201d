import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { CartProvider } from '../cart/CartContext';
import { SessionProvider } from '../session/SessionContext';

/** Renders a page inside the storefront's providers at a route, as the app would. */
export function renderPage(element: ReactElement, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <SessionProvider>
        <CartProvider>
          <Routes>
            <Route path={path} element={element} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
        </CartProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}
