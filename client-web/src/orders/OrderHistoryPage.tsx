import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../api/client';
import { Pager } from '../catalog/Pager';
import { useAuth } from '../auth/AuthContext';
import { RequireAccount } from '../auth/RequireAccount';
import { money } from '../ui/money';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { statusLabel } from './orderStatus';

const pageSize = 10;

export function OrderHistoryPage() {
  usePageTitle('Your orders');
  return (
    <RequireAccount title="Your orders" reason="Sign in to see the orders you placed.">
      <OrderHistory />
    </RequireAccount>
  );
}

function OrderHistory() {
  const userId = useAuth().user?.sub ?? '';
  const [page, setPage] = useState(1);
  const orders = useAsync(() => call(api.GET('/orders/user/{userId}', {
    params: { path: { userId }, query: { page: String(page), pageSize: String(pageSize) } },
  })), [userId, page]);

  return (
    <div className="history-page">
      <h1>Your orders</h1>
      {orders.status === 'loading' && <Loading label="Loading your orders…" />}
      {orders.status === 'error' && <ErrorNotice error={orders.error} onRetry={orders.reload} />}
      {orders.status === 'ready' && (orders.data.orders.length === 0 ? (
        <Empty><p>You have no orders yet.</p><Link to="/">Find a book</Link></Empty>
      ) : (
        <>
          <table className="history-table">
            <caption className="visually-hidden">Your orders, newest first</caption>
            <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Items</th><th scope="col">Total</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {orders.data.orders.map((o) => (
                <tr key={o.orderId}>
                  <th scope="row"><Link to={`/account/orders/${o.orderId}`} className="mono">#{o.orderId.slice(0, 8)}</Link></th>
                  <td>{new Date(o.createdAt).toLocaleString()}</td>
                  <td>{o.itemCount}</td>
                  <td>{money(o.total)}</td>
                  <td><span className={`status status-${o.status}`}>{statusLabel(o.status)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} totalPages={Math.ceil(orders.data.total / pageSize)} onPage={setPage} />
        </>
      ))}
    </div>
  );
}
