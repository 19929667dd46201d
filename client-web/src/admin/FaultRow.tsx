import { useState, type FormEvent } from 'react';
import { ApiError, api, call, type Fault, type FaultChange } from '../api/client';

function scopeText(scope: Fault['scope']): string {
  if (!scope) return 'everything';
  const parts = [scope.sku && `SKU ${scope.sku}`, scope.user && `user ${scope.user}`, scope.silo && `silo ${scope.silo}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'everything';
}

const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value));
const optionalText = (value: string) => (value.trim() === '' ? null : value.trim());

/** One fault switch: its state, an on/off button, and a form for its parameters and scope. */
export function FaultRow({ fault, onChanged }: { fault: Fault; onChanged(): void }) {
  const [probability, setProbability] = useState(String(fault.probability));
  const [latency, setLatency] = useState(fault.latencyMs == null ? '' : String(fault.latencyMs));
  const [duration, setDuration] = useState(fault.durationSeconds == null ? '' : String(fault.durationSeconds));
  const [sku, setSku] = useState(fault.scope?.sku ?? '');
  const [user, setUser] = useState(fault.scope?.user ?? '');
  const [silo, setSilo] = useState(fault.scope?.silo ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(body: FaultChange) {
    setBusy(true);
    setError(null);
    try {
      await call(api.PUT('/admin/faults/{name}', { params: { path: { name: fault.name } }, body }));
      onChanged();
    } catch (e) {
      const fields = e instanceof ApiError ? Object.entries(e.fields).map(([field, reasons]) => `${field} ${reasons.join(', ')}`) : [];
      setError(fields.length > 0 ? fields.join('; ') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function edited(enabled: boolean): FaultChange {
    const scope = { sku: optionalText(sku), user: optionalText(user), silo: optionalText(silo) };
    return {
      enabled,
      probability: optionalNumber(probability),
      latencyMs: optionalNumber(latency),
      durationSeconds: optionalNumber(duration),
      scope: scope.sku || scope.user || scope.silo ? scope : null,
    };
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void send(edited(true));
  }

  const id = `fault-${fault.name}`;
  return (
    <tr className={fault.enabled ? 'row-fault-on' : undefined}>
      <th scope="row">
        <span className="mono">{fault.name}</span>
        <div className="hint">{fault.description}</div>
      </th>
      <td>{fault.kind}</td>
      <td>{fault.enabled ? <span className="badge badge-low">On</span> : 'Off'}</td>
      <td>{Math.round(fault.probability * 100)}%</td>
      <td>{fault.latencyMs == null ? '—' : `${fault.latencyMs} ms`}</td>
      <td>{fault.enabled && fault.expiresAt ? new Date(fault.expiresAt).toLocaleTimeString() : '—'}</td>
      <td>{scopeText(fault.scope)}</td>
      <td>
        <button type="button" disabled={busy} onClick={() => void send(fault.enabled ? { enabled: false } : edited(true))}>
          {fault.enabled ? `Turn ${fault.name} off` : `Turn ${fault.name} on`}
        </button>
        <details>
          <summary>Edit {fault.name}</summary>
          <form onSubmit={save} className="fault-form" aria-label={`Parameters of ${fault.name}`}>
            <label htmlFor={`${id}-probability`}>Probability (0–1)</label>
            <input id={`${id}-probability`} type="number" step="0.01" min={0} max={1} value={probability} onChange={(e) => setProbability(e.target.value)} />
            <label htmlFor={`${id}-latency`}>Latency (ms)</label>
            <input id={`${id}-latency`} type="number" min={0} value={latency} onChange={(e) => setLatency(e.target.value)} />
            <label htmlFor={`${id}-duration`}>Duration (s)</label>
            <input id={`${id}-duration`} type="number" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />
            <label htmlFor={`${id}-sku`}>Only SKU</label>
            <input id={`${id}-sku`} value={sku} onChange={(e) => setSku(e.target.value)} />
            <label htmlFor={`${id}-user`}>Only user</label>
            <input id={`${id}-user`} value={user} onChange={(e) => setUser(e.target.value)} />
            <label htmlFor={`${id}-silo`}>Only silo</label>
            <input id={`${id}-silo`} value={silo} onChange={(e) => setSilo(e.target.value)} />
            <button type="submit" disabled={busy}>Save and turn on</button>
          </form>
        </details>
        {error && <span className="field-error" role="alert">{error}</span>}
      </td>
    </tr>
  );
}
