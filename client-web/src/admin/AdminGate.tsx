import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { isAdmin } from '../auth/accountUser';
import { useAuth } from '../auth/AuthContext';
import { RequireAccount } from '../auth/RequireAccount';
import { usePageTitle } from '../ui/usePageTitle';

/** Admin pages open for an account whose token carries the `admin` role; the gateway checks the same token on every admin call. */
export function AdminGate({ children }: { children: ReactNode }) {
  return (
    <RequireAccount title="Admin" reason="Sign in with an admin account to manage books and stock.">
      <AdminOnly>{children}</AdminOnly>
    </RequireAccount>
  );
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (!isAdmin(user)) return <NotAnAdmin />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <NavLink to="/admin/products">Products</NavLink>
        <NavLink to="/admin/stock">Stock</NavLink>
        <NavLink to="/admin/hot">Hot SKUs</NavLink>
        <NavLink to="/admin/moderation">Reviews</NavLink>
        <NavLink to="/admin/faults">Faults</NavLink>
      </nav>
      {children}
    </div>
  );
}

function NotAnAdmin() {
  usePageTitle('Admin');
  return (
    <div className="admin-gate">
      <h1>Admin</h1>
      <p role="alert">Your account cannot open the admin pages. They are for the shop's administrators.</p>
    </div>
  );
}
