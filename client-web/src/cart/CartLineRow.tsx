import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CartLine } from '../api/client';
import { money } from '../ui/money';
import { useCart } from './CartContext';

export function CartLineRow({ line }: { line: CartLine }) {
  const { setQuantity, remove } = useCart();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = line.title ?? line.productId;

  async function run(change: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await change();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr aria-busy={busy}>
      <th scope="row">
        <Link to={`/books/${encodeURIComponent(line.productId)}`}>{title}</Link>
        {error && <p className="field-error" role="alert">{error}</p>}
      </th>
      <td>{money(line.price)}</td>
      <td>
        <label className="visually-hidden" htmlFor={`qty-${line.productId}`}>Quantity of {title}</label>
        <select id={`qty-${line.productId}`} value={line.quantity} disabled={busy}
          onChange={(e) => run(() => setQuantity(line.productId, Number(e.target.value)))}>
          {Array.from({ length: Math.max(10, line.quantity) }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </td>
      <td>{money(line.total)}</td>
      <td><button type="button" className="link-button" disabled={busy} onClick={() => run(() => remove(line.productId))} aria-label={`Remove ${title}`}>Remove</button></td>
    </tr>
  );
}
