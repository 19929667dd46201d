import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi, json } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { StatusPanel } from './StatusPanel';

describe('StatusPanel', () => {
  it('shows each service up or down with its note', async () => {
    fakeApi({
      'GET /cart/.+': () => emptyCart('g'),
      'GET /healthz': () => ({ ok: true, db: 'ok', backend: 'memory' }),
      'GET /api/inventory/healthz': () => json({ ok: false, backend: 'dynamodb', error: 'store unavailable' }, 503),
      'GET /.*healthz': () => ({ ok: true }),
    });
    renderPage(<StatusPanel />);

    expect(await screen.findByText('Backend: memory')).toBeInTheDocument();
    expect(screen.getByTestId('service-catalog')).toHaveTextContent('Up');
    expect(screen.getByTestId('service-inventory')).toHaveTextContent('Down');
    expect(screen.getByTestId('service-inventory')).toHaveTextContent('store unavailable');
    expect(screen.getByTestId('service-orders')).toHaveTextContent('Up');
  });
});
