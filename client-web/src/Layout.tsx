import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { AccountMenu } from './account/AccountMenu';
import { isAdmin } from './auth/accountUser';
import { useAuth } from './auth/AuthContext';
import { useCart } from './cart/CartContext';
import { SearchBox } from './search/SearchBox';

/** Header, navigation and main region; after each navigation focus moves to the main region so keyboard and screen reader users start at the new page. */
export function Layout() {
  const { user } = useAuth();
  const { cart } = useCart();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [pathname]);

  const count = cart?.itemCount ?? 0;
  const admin = isAdmin(user);
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <Link to="/" className="brand">K8Shop Books</Link>
        <SearchBox />
        <nav aria-label="Main">
          <NavLink to="/" end>Books</NavLink>
          {admin && <NavLink to="/admin">Admin</NavLink>}
          <NavLink to="/status">Status</NavLink>
          <NavLink to="/basket" className="cart-link" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
            Cart <span className="cart-count" data-testid="cart-count">{count}</span>
          </NavLink>
        </nav>
        <AccountMenu />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">K8Shop on Orleans{admin && <> · <a href="/dashboard">Orleans dashboard</a></>}</footer>
    </>
  );
}
