import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../api/client';
import { Pager } from '../catalog/Pager';
import { money } from '../ui/money';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';

export function ProductsAdminPage() {
  usePageTitle('Admin · Products');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const list = useAsync(() => call(api.GET('/products', {
    params: { query: { q: query || undefined, page: String(page), pageSize: '20', sort: 'newest' } },
  })), [query, page]);

  return (
    <div>
      <div className="page-head">
        <h1>Products</h1>
        <Link className="button primary" to="/admin/products/new">New book</Link>
      </div>
      <form role="search" className="search-row" onSubmit={(e) => { e.preventDefault(); setPage(1); setQuery(q.trim()); }}>
        <label htmlFor="admin-search">Search products</label>
        <input id="admin-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (list.data.items.length === 0 ? <Empty><p>No products match.</p></Empty> : (
        <>
          <table className="admin-table">
            <thead><tr><th scope="col">SKU</th><th scope="col">Title</th><th scope="col">Price</th><th scope="col">Stock</th><th scope="col"><span className="visually-hidden">Edit</span></th></tr></thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td className="mono">{p.sku}</td><th scope="row">{p.title}</th><td>{money(p.price)}</td><td>{p.stock}</td>
                  <td><Link to={`/admin/products/${encodeURIComponent(p.sku)}`} aria-label={`Edit ${p.title}`}>Edit</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} totalPages={list.data.totalPages ?? 1} onPage={setPage} />
        </>
      ))}
    </div>
  );
}
