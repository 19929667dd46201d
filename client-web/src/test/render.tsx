import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { AccountUser } from '../auth/accountUser';
import { AuthProvider } from '../auth/AuthContext';
import { CartProvider } from '../cart/CartContext';
import { SessionProvider } from '../session/SessionContext';
import { FakeUserManager } from './fakeUserManager';

interface Options {
  route?: string;
  path?: string;
  /** Who the identity provider would sign in (default: nobody, a guest). */
  manager?: FakeUserManager;
  onSignedIn?(user: AccountUser): Promise<void>;
  /** What the other addresses show (default: the word "elsewhere"). */
  elsewhere?: ReactElement;
}

/** Renders a page inside the storefront's providers at a route, as the app would. */
export function renderPage(element: ReactElement, { route = '/', path = '*', manager = new FakeUserManager(), onSignedIn, elsewhere = <p>elsewhere</p> }: Options = {}) {
  const view = render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider manager={manager} onSignedIn={onSignedIn}>
        <SessionProvider>
          <CartProvider>
            <Routes>
              <Route path={path} element={element} />
              <Route path="*" element={elsewhere} />
            </Routes>
          </CartProvider>
        </SessionProvider>
      </AuthProvider>
    </MemoryRouter>,
  );
  return { ...view, manager };
}
