import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { usePageTitle } from '../ui/usePageTitle';
import { readHealth, services, type HealthPath, type ServiceHealth } from './services';

const refreshMs = 30_000;

type Checks = Partial<Record<string, ServiceHealth | 'checking'>>;

async function check(path: HealthPath): Promise<ServiceHealth> {
  try {
    // Health routes answer JSON on 200 and on 503; the document types neither, so the body is read as text.
    const { data, error, response } = await api.GET(path, { parseAs: 'text' });
    const raw: unknown = response.ok ? data : error;
    return readHealth(response.status, typeof raw === 'string' ? parse(raw) : raw);
  } catch {
    return { ok: false, note: 'Unreachable' };
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Each service's health, checked on open, every 30 seconds and on demand, as the original dashboard's status list. */
export function StatusPanel() {
  usePageTitle('Service status');
  const [checks, setChecks] = useState<Checks>({});
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  const run = useCallback(async () => {
    setChecks((c) => Object.fromEntries(services.map((s) => [s.key, c[s.key] ?? 'checking'])));
    const results = await Promise.all(services.map(async (s) => [s.key, await check(s.health)] as const));
    setChecks(Object.fromEntries(results));
    setCheckedAt(new Date());
  }, []);

  useEffect(() => {
    void run();
    const timer = setInterval(run, refreshMs);
    return () => clearInterval(timer);
  }, [run]);

  return (
    <div className="status-page">
      <h1>Service status</h1>
      <p className="hint">
        {checkedAt ? `Checked ${checkedAt.toLocaleTimeString()}; checks again every 30 seconds.` : 'Checking…'}{' '}
        <button type="button" className="secondary" onClick={run}>Check now</button>
      </p>
      <ul className="status-list">
        {services.map((s) => {
          const health = checks[s.key];
          const state = !health || health === 'checking' ? 'checking' : health.ok ? 'up' : 'down';
          return (
            <li key={s.key} className={`service service-${state}`} data-testid={`service-${s.key}`}>
              <span className="dot" aria-hidden="true" />
              <strong>{s.name}</strong>
              <span className="visually-hidden">:</span>
              <span className="service-state">{state === 'checking' ? 'Checking…' : state === 'up' ? 'Up' : 'Down'}</span>
              {health && health !== 'checking' && <span className="hint">{health.note}</span>}
              <code>{s.health}</code>
            </li>
          );
        })}
      </ul>
      <p className="hint">More: <a href="/dashboard">Orleans dashboard</a> (grains, silos, hot spots) · <a href="/openapi/v1.json">OpenAPI document</a></p>
    </div>
  );
}
