import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, json } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { AdminGate } from './AdminGate';
import { FaultsPage } from './FaultsPage';

const admin = () => shopper('ad000000000000000000000000000001', ['admin']);

function fault(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name, description: `${name} breaks something`, kind: 'error', enabled: false, probability: 1, latencyMs: null,
    durationSeconds: null, scope: null, enabledAt: null, expiresAt: null, ...overrides,
  };
}

function board(faults: ReturnType<typeof fault>[]) {
  return { anyActive: faults.some((f) => f.enabled), faults };
}

const page = <AdminGate><FaultsPage /></AdminGate>;

describe('FaultsPage', () => {
  it('lists every switch with its state, parameters and scope, and says which are on', async () => {
    fakeApi({
      'GET /cart/.+': () => emptyCart('admin'),
      'GET /admin/faults': () => board([
        fault('payment-decline', { enabled: true, probability: 0.25, scope: { sku: null, user: 'ana', silo: null } }),
        fault('catalog-latency', { kind: 'latency', latencyMs: 500 }),
      ]),
    });
    renderPage(page, { manager: admin() });

    expect(await screen.findByText('Faults on: payment-decline')).toHaveAttribute('role', 'status');
    const on = screen.getByRole('row', { name: /payment-decline/ });
    expect(within(on).getByText('On')).toBeInTheDocument();
    expect(within(on).getByText('25%')).toBeInTheDocument();
    expect(within(on).getByText('user ana')).toBeInTheDocument();
    const off = screen.getByRole('row', { name: /catalog-latency/ });
    expect(within(off).getByText('Off')).toBeInTheDocument();
    expect(within(off).getByText('500 ms')).toBeInTheDocument();
    expect(within(off).getByText('everything')).toBeInTheDocument();
  });

  it('turns a switch off with enabled=false and shows the new state', async () => {
    let on = true;
    const { requests } = fakeApi({
      'GET /cart/.+': () => emptyCart('admin'),
      'GET /admin/faults': () => board([fault('gateway-503', { kind: 'outcome', enabled: on })]),
      'PUT /admin/faults/gateway-503': () => { on = false; return fault('gateway-503', { kind: 'outcome' }); },
    });
    renderPage(page, { manager: admin() });

    fireEvent.click(await screen.findByRole('button', { name: 'Turn gateway-503 off' }));

    expect(await screen.findByText('No fault switch is on.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/admin/faults/gateway-503');
    expect(put?.body).toEqual({ enabled: false });
  });

  it('turns a switch on with the edited parameters and scope', async () => {
    let state = fault('hot-sku-delay', { kind: 'latency', latencyMs: 100 });
    const { requests } = fakeApi({
      'GET /cart/.+': () => emptyCart('admin'),
      'GET /admin/faults': () => board([state]),
      'PUT /admin/faults/hot-sku-delay': () => {
        state = fault('hot-sku-delay', { kind: 'latency', enabled: true, probability: 0.5, latencyMs: 250, scope: { sku: 'BOOK-001', user: null, silo: null } });
        return state;
      },
    });
    renderPage(page, { manager: admin() });

    fireEvent.change(await screen.findByLabelText('Probability (0–1)'), { target: { value: '0.5' } });
    fireEvent.change(screen.getByLabelText('Latency (ms)'), { target: { value: '250' } });
    fireEvent.change(screen.getByLabelText('Only SKU'), { target: { value: 'BOOK-001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and turn on' }));

    expect(await screen.findByText('SKU BOOK-001')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      enabled: true, probability: 0.5, latencyMs: 250, durationSeconds: null, scope: { sku: 'BOOK-001', user: null, silo: null },
    });
  });

  it('shows the field the gateway refused', async () => {
    fakeApi({
      'GET /cart/.+': () => emptyCart('admin'),
      'GET /admin/faults': () => board([fault('payment-latency', { kind: 'latency', latencyMs: 2000 })]),
      'PUT /admin/faults/payment-latency': () => json({ status: 400, detail: 'latencyMs must be from 0 to 120000', errors: { latencyMs: ['must be from 0 to 120000'] } }, 400),
    });
    renderPage(page, { manager: admin() });

    fireEvent.change(await screen.findByLabelText('Latency (ms)'), { target: { value: '500000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and turn on' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('latencyMs must be from 0 to 120000');
  });
});
