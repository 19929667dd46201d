import { useState, type FormEvent, type ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { api, ApiError, call } from '../api/client';
import { Field } from '../checkout/Field';
import { useSession } from '../session/SessionContext';

/** Admin pages need the gateway's admin key; it is checked once, kept for this tab only, and sent with every admin call. */
export function AdminGate({ children }: { children: ReactNode }) {
  const { adminKey, setAdminKey } = useSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdminKey(key.trim());
    try {
      await call(api.GET('/products', { params: { query: { page: '1', pageSize: '1' } } }));
    } catch (e) {
      setAdminKey(null);
      const status = e instanceof ApiError ? e.status : 0;
      setError(status === 401 || status === 403 ? 'That admin key is not right.'
        : status === 404 ? 'Admin is switched off on this shop (no admin key is configured).' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!adminKey)
    return (
      <div className="admin-gate">
        <h1>Admin</h1>
        <form onSubmit={submit} noValidate>
          <Field id="admin-key" label="Admin key" type="password" autoComplete="current-password" value={key}
            onChange={(e) => setKey(e.target.value)} error={error} required />
          <button type="submit" className="primary" disabled={busy || !key.trim()}>{busy ? 'Checking…' : 'Unlock admin'}</button>
        </form>
      </div>
    );
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <NavLink to="/admin/products">Products</NavLink>
        <NavLink to="/admin/stock">Stock</NavLink>
        <NavLink to="/admin/hot">Hot SKUs</NavLink>
        <button type="button" className="link-button" onClick={() => setAdminKey(null)}>Lock admin</button>
      </nav>
      {children}
    </div>
  );
}
