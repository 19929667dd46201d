import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, call, type Order } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { useCart } from '../cart/CartContext';
import { SagaSteps } from '../orders/SagaSteps';
import { money } from '../ui/money';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';
import { CheckoutForm } from './CheckoutForm';
import { cardDigits, type CheckoutDetails } from './validation';

/** The card goes to the payment processor's tokenizer only; the order carries the opaque token it answers. */
async function newAttempt(details: CheckoutDetails) {
  const [month, year] = details.expiry.split('/').map((part) => Number(part.trim())) as [number, number];
  try {
    const { token } = await call(api.POST('/payments/tokens', {
      body: { card_number: cardDigits(details.cardNumber), exp_month: month, exp_year: 2000 + year, cvc: details.cvc.trim() },
    }));
    return { key: crypto.randomUUID(), token, details: JSON.stringify(details) };
  } catch (e) {
    throw e instanceof ApiError && e.status === 422 ? new ApiError(`Your card details were not accepted: ${e.message}.`, 422, e.fields) : e;
  }
}

/** Checkout needs an account: a guest is sent to sign in (or sign up there) and comes back here, the cart merged. */
export function CheckoutPage() {
  usePageTitle('Checkout');
  const { status, user, signIn } = useAuth();
  const guest = status === 'ready' && !user;

  useEffect(() => {
    if (guest) void signIn('/checkout');
  }, [guest, signIn]);

  if (!user) return <Loading label={guest ? 'Taking you to sign in…' : 'Checking your sign-in…'} />;
  return <AccountCheckout userId={user.sub} email={user.email} />;
}

/**
 * One submit places one order: the request carries an Idempotency-Key, so a retry after a lost answer reaches the same
 * order instead of charging twice. While the server runs the saga the page follows it by that key.
 */
function AccountCheckout({ userId, email }: { userId: string; email: string | null }) {
  const { cart, loading, error: cartError, refresh } = useCart();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Order | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // Kept after a failure whose outcome is unknown (no answer), so trying again with the same details sends the same
  // request under the same key and cannot place a second order.
  const pending = useRef<{ key: string; token: string; details: string } | null>(null);

  async function placeOrder(details: CheckoutDetails) {
    setBusy(true);
    setError(null);
    let settled = false;
    try {
      const attempt = pending.current?.details === JSON.stringify(details) ? pending.current : await newAttempt(details);
      pending.current = attempt;
      const follow = async () => {
        while (!settled) {
          const seen = await api.GET('/orders/by-key', { params: { query: { key: attempt.key } } }).catch(() => null);
          if (!settled && seen?.data) setProgress(seen.data);
          await new Promise((r) => setTimeout(r, 300));
        }
      };
      await call(api.PUT('/notifications/{userId}/contact', {
        params: { path: { userId } }, body: { email: details.email.trim(), phone: details.phone.replace(/[\s-]/g, '') || null },
      }));
      void follow();
      const order = await call(api.POST('/orders', {
        headers: { 'Idempotency-Key': attempt.key },
        body: {
          userId, items: null, paymentToken: attempt.token,
          shipping: { name: details.name.trim(), address: details.address.trim(), city: details.city.trim(), postalCode: details.postalCode.trim(), country: details.country.trim() },
        },
      }));
      settled = true;
      pending.current = null;
      await refresh();
      navigate(`/account/orders/${order.orderId}`, { state: { order } });
    } catch (e) {
      settled = true;
      const failure = e as Error & { status?: number };
      // A 4xx was refused and changed nothing: the next try is a new order. Otherwise keep the attempt.
      if (failure.status && failure.status < 500) pending.current = null;
      setError(failure);
      setBusy(false);
    }
  }

  if (!cart && loading) return <Loading label="Loading your cart…" />;
  if (!cart) return cartError ? <ErrorNotice error={cartError} onRetry={refresh} /> : null;
  if (cart.items.length === 0 && !busy)
    return <Empty><h1>Checkout</h1><p>Your cart is empty.</p><Link to="/">Browse books</Link></Empty>;

  return (
    <div className="checkout-page">
      <h1>Checkout</h1>
      <aside className="order-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Order summary</h2>
        <ul>{cart.items.map((l) => <li key={l.productId}>{l.quantity} × {l.title ?? l.productId} <span>{money(l.total)}</span></li>)}</ul>
        <p>Subtotal <strong>{money(cart.subtotal)}</strong></p>
      </aside>
      <CheckoutForm busy={busy} initialEmail={email ?? ''} onSubmit={placeOrder} />
      {busy && (
        <div className="checkout-progress" role="status" aria-live="polite">
          <p>Placing your order… please keep this page open.</p>
          {progress && <SagaSteps order={progress} />}
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
