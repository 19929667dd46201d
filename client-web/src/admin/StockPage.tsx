import { useState } from 'react';
import { api, call, type Inventory } from '../api/client';
import { Pager } from '../catalog/Pager';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { StockRow } from './StockRow';

const pageSize = 15;

/** Stock per SKU from the inventory grains (the one source of truth), a page of the catalog at a time. */
export function StockPage() {
  usePageTitle('Admin · Stock');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const rows = useAsync(async () => {
    const products = await call(api.GET('/catalog', { params: { query: { q: query || undefined, page: String(page), pageSize: String(pageSize) } } }));
    const stock = await Promise.all(products.items.map((p) =>
      call(api.GET('/inventory/{sku}', { params: { path: { sku: p.sku } } })).catch(() => null)));
    return { products, stock };
  }, [page, query]);

  return (
    <div>
      <h1>Stock</h1>
      <form role="search" className="search-row" onSubmit={(e) => { e.preventDefault(); setPage(1); setQuery(q.trim()); }}>
        <label htmlFor="stock-search">Find SKU or title</label>
        <input id="stock-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {rows.status === 'loading' && <Loading label="Loading stock…" />}
      {rows.status === 'error' && <ErrorNotice error={rows.error} onRetry={rows.reload} />}
      {rows.status === 'ready' && (
        <>
          <table className="admin-table">
            <thead><tr>
              <th scope="col">SKU</th><th scope="col">Title</th><th scope="col">On hand</th><th scope="col">Reserved</th>
              <th scope="col">Available</th><th scope="col">Sold</th><th scope="col">Low stock</th><th scope="col">Set on hand</th>
            </tr></thead>
            <tbody>
              {rows.data.products.items.map((p, i) => (
                <StockRow key={p.sku} title={p.title} sku={p.sku} initial={rows.data.stock[i] as Inventory | null} />
              ))}
            </tbody>
          </table>
          <Pager page={page} totalPages={rows.data.products.totalPages ?? 1} onPage={setPage} />
        </>
      )}
    </div>
  );
}
