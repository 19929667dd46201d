import { Link, useLocation, useParams } from 'react-router-dom';
import type { Order } from '../api/client';
import { RequireAccount } from '../auth/RequireAccount';
import { money } from '../ui/money';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';
import { explainFailure, isFinal, statusLabel } from './orderStatus';
import { SagaSteps } from './SagaSteps';
import { useLiveOrder } from './useLiveOrder';

export function OrderPage() {
  const { orderId = '' } = useParams();
  usePageTitle(`Order ${orderId.slice(0, 8)}`);
  return (
    <RequireAccount title="Your order" reason="Sign in with the account that placed this order to follow it.">
      <LiveOrder orderId={orderId} />
    </RequireAccount>
  );
}

/** Another shopper's order answers 404 from the gateway, so it reads as not found here too. */
function LiveOrder({ orderId }: { orderId: string }) {
  const initial = (useLocation().state as { order?: Order } | null)?.order;
  const { order, error } = useLiveOrder(orderId, initial?.orderId === orderId ? initial : undefined);

  if (!order) return error ? <ErrorNotice error={error} /> : <Loading label="Loading your order…" />;
  const failure = explainFailure(order);
  return (
    <div className="order-page">
      <h1>Order <span className="mono">#{order.orderId.slice(0, 8)}</span></h1>
      <p className="order-status" role="status" aria-live="polite">
        Status: <strong data-testid="order-status" className={`status status-${order.status}`}>{statusLabel(order.status)}</strong>
        {!isFinal(order.status) && <span className="live-dot" title="Updates by itself"> · live</span>}
      </p>
      {failure && <div className={order.status === 'cancelled' ? 'notice' : 'notice notice-error'} role="alert">
        <p>{failure}</p>
        {order.status !== 'cancelled' && <Link to="/basket">Back to your cart</Link>}
      </div>}
      {order.status === 'confirmed' && <p className="notice notice-ok">Thank you! Your order is confirmed and paid{order.payment.reference ? ` (reference ${order.payment.reference})` : ''}.</p>}
      <SagaSteps order={order} />
      {error && <p className="hint" role="alert">Live updates paused: {error.message} Retrying…</p>}
      <table className="order-lines">
        <caption className="visually-hidden">Books in this order</caption>
        <thead><tr><th scope="col">Book</th><th scope="col">Quantity</th><th scope="col">Price</th><th scope="col">Total</th></tr></thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.sku}><th scope="row">{item.title ?? item.sku}</th><td>{item.quantity}</td><td>{money(item.price)}</td><td>{money(item.total)}</td></tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row" colSpan={3}>Total</th><td><strong>{money(order.total)}</strong></td></tr></tfoot>
      </table>
      {order.shipping && (
        <section className="ships-to" aria-labelledby="ships-to-heading">
          <h2 id="ships-to-heading">Ships to</h2>
          <address>{order.shipping.name}<br />{order.shipping.address}<br />{order.shipping.postalCode} {order.shipping.city}<br />{order.shipping.country}</address>
        </section>
      )}
      <p className="hint">Placed {new Date(order.createdAt).toLocaleString()} · <Link to="/account/orders">All your orders</Link></p>
    </div>
  );
}
