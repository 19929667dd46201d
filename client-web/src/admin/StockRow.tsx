import { useState, type FormEvent } from 'react';
import { api, call, type Inventory } from '../api/client';

export function StockRow({ sku, title, initial }: { sku: string; title: string; initial: Inventory | null }) {
  const [stock, setStock] = useState(initial);
  const [value, setValue] = useState(initial ? String(initial.on_hand) : '');
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setStock(await call(api.PUT('/inventory/{sku}', { params: { path: { sku } }, body: { stock: Number(value), low_stock_threshold: null } })));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!stock) return <tr><td className="mono">{sku}</td><th scope="row">{title}</th><td colSpan={6}>Stock unavailable</td></tr>;
  return (
    <tr className={stock.low_stock ? 'row-low' : undefined}>
      <td className="mono">{sku}</td>
      <th scope="row">{title}</th>
      <td>{stock.on_hand}</td>
      <td>{stock.reserved}</td>
      <td>{stock.available}</td>
      <td>{stock.committed}</td>
      <td>{stock.low_stock ? <span className="badge badge-low">Low (≤ {stock.low_stock_threshold})</span> : 'No'}</td>
      <td>
        <form onSubmit={save} className="inline-form">
          <label className="visually-hidden" htmlFor={`onhand-${sku}`}>Units on hand for {sku}</label>
          <input id={`onhand-${sku}`} type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)} size={5} />
          <button type="submit">Set</button>
          {error && <span className="field-error" role="alert">{error}</span>}
        </form>
      </td>
    </tr>
  );
}
