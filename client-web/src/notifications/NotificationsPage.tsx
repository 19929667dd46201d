import { Link } from 'react-router-dom';
import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { RequireAccount } from '../auth/RequireAccount';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';

export function NotificationsPage() {
  usePageTitle('Notifications');
  return (
    <RequireAccount title="Notifications" reason="Sign in to see the messages we sent you about your orders.">
      <NotificationList />
    </RequireAccount>
  );
}

function NotificationList() {
  const userId = useAuth().user?.sub ?? '';
  const list = useAsync(() => call(api.GET('/notifications/{userId}', { params: { path: { userId } } })), [userId]);
  return (
    <div className="notifications-page">
      <h1>Notifications</h1>
      <button type="button" className="secondary" onClick={list.reload}>Refresh</button>
      {list.status === 'loading' && <Loading label="Loading notifications…" />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (list.data.notifications.length === 0 ? (
        <Empty><p>No notifications yet. We write to you when an order is confirmed, ships, or a payment fails.</p></Empty>
      ) : (
        <ul className="notification-list">
          {list.data.notifications.map((n) => (
            <li key={n.message_id}>
              <p className="subject">{n.subject}</p>
              <p className="hint">
                {new Date(n.created_at).toLocaleString()} · {n.channels.join(', ') || 'no channel'} · {n.status}
                {n.order_id && <> · <Link to={`/account/orders/${n.order_id}`}>order #{n.order_id.slice(0, 8)}</Link></>}
              </p>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
