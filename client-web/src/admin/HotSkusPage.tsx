import { useEffect, useState } from 'react';
import { api, call, type HotSkus } from '../api/client';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';

const refreshMs = 2000;

/** The busiest SKUs of the last seconds, refreshed every two seconds: run the load generator and watch them climb. */
export function HotSkusPage() {
  usePageTitle('Admin · Hot SKUs');
  const [hot, setHot] = useState<HotSkus | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await call(api.GET('/hot-skus', { params: { query: { limit: '15' } } }));
        if (!stopped) { setHot(next); setError(null); }
      } catch (e) {
        if (!stopped) setError(e as Error);
      }
      if (!stopped) timer = setTimeout(poll, refreshMs);
    };
    void poll();
    return () => { stopped = true; clearTimeout(timer); };
  }, []);

  const busiest = Math.max(1, ...(hot?.skus.map((s) => s.requests) ?? [1]));
  return (
    <div>
      <h1>Hot SKUs</h1>
      <p className="hint">Inventory requests (reserve, commit, release) per SKU over the last {hot?.window_seconds ?? 10} seconds; updates every two seconds.</p>
      {error && <ErrorNotice error={error} />}
      {!hot && !error && <Loading />}
      {hot && hot.skus.length === 0 && <Empty><p>No inventory traffic right now. Start the load generator (see the README) or place some orders.</p></Empty>}
      {hot && hot.skus.length > 0 && (
        <table className="admin-table hot-table">
          <thead><tr><th scope="col">SKU</th><th scope="col">Requests/s</th><th scope="col">Out-of-stock refusals</th><th scope="col">Available</th><th scope="col">Reserved</th></tr></thead>
          <tbody>
            {hot.skus.map((s) => (
              <tr key={s.sku} className={s.low_stock ? 'row-low' : undefined}>
                <th scope="row" className="mono">{s.sku}</th>
                <td>
                  <span className="bar" style={{ width: `${(s.requests / busiest) * 100}%` }} aria-hidden="true" />
                  {s.requests_per_second.toFixed(1)}
                </td>
                <td>{s.rejected}</td>
                <td>{s.available}{s.low_stock && <span className="badge badge-low">low</span>}</td>
                <td>{s.reserved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
