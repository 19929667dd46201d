import { api, call } from '../api/client';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { FaultRow } from './FaultRow';

/**
 * The fault switches (GET /admin/faults): each one's state, parameters and scope, turned on or off and edited in
 * place. A change reaches every silo and gateway within about a second.
 */
export function FaultsPage() {
  usePageTitle('Admin · Faults');
  const faults = useAsync(() => call(api.GET('/admin/faults')), []);
  const active = faults.status === 'ready' ? faults.data.faults.filter((f) => f.enabled) : [];

  return (
    <div>
      <h1>Fault switches</h1>
      <p className="hint">
        Break a part of the shop on purpose, on every node at once: a fault fires on the share of calls its probability says,
        only for the SKU, user or silo in its scope, and turns itself off after its duration.
      </p>
      {faults.status === 'loading' && !faults.data && <Loading label="Loading fault switches…" />}
      {faults.status === 'error' && <ErrorNotice error={faults.error} onRetry={faults.reload} />}
      {faults.status === 'ready' && (
        <>
          {active.length > 0
            ? <p role="status" className="fault-banner">Faults on: {active.map((f) => f.name).join(', ')}</p>
            : <p role="status">No fault switch is on.</p>}
          <table className="admin-table faults-table">
            <thead><tr>
              <th scope="col">Fault</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Probability</th>
              <th scope="col">Latency</th><th scope="col">Until</th><th scope="col">Scope</th><th scope="col">Change</th>
            </tr></thead>
            <tbody>
              {faults.data.faults.map((f) => <FaultRow key={f.name} fault={f} onChanged={faults.reload} />)}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
