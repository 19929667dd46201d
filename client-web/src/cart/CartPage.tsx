import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { money } from '../ui/money';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { usePageTitle } from '../ui/usePageTitle';
import { useCart } from './CartContext';
import { CartLineRow } from './CartLineRow';

export function CartPage() {
  usePageTitle('Your cart');
  const { cart, error, loading, refresh } = useCart();
  const { status, user } = useAuth();
  const guest = status === 'ready' && !user;
  return (
    <div className="cart-page">
      <h1>Your cart</h1>
      {!cart && loading && <Loading label="Loading your cart…" />}
      {error && <ErrorNotice error={error} onRetry={refresh} />}
      {cart && cart.items.length === 0 && (
        <Empty><p>Your cart is empty.</p><Link to="/">Browse books</Link></Empty>
      )}
      {cart && cart.items.length > 0 && (
        <>
          <table className="cart-table">
            <caption className="visually-hidden">Books in your cart</caption>
            <thead><tr><th scope="col">Book</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr></thead>
            <tbody>{cart.items.map((line) => <CartLineRow key={line.productId} line={line} />)}</tbody>
          </table>
          <div className="cart-summary">
            <p><span>{cart.itemCount === 1 ? '1 item' : `${cart.itemCount} items`}</span> · Subtotal <strong data-testid="subtotal">{money(cart.subtotal)}</strong></p>
            <p className="hint">Prices are the shop's current prices, set on the server.</p>
            {guest && <p className="hint">Checkout asks you to sign in or create an account; your cart comes with you.</p>}
            <Link className="button" to="/checkout">Checkout</Link>
          </div>
        </>
      )}
    </div>
  );
}
