import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyCart, fakeApi } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { ReviewsModerationPage } from './ReviewsModerationPage';

const item = (overrides: Record<string, unknown> = {}) => ({
  id: 'r1', sku: 'BOOK-001', rating: 1, text: 'Spam <a href=x>link</a>', reviewer: 'Mallory', createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z', verifiedPurchase: true, helpful: 0, hidden: false, ...overrides,
});

describe('ReviewsModerationPage', () => {
  it('hides a shown review and lists the hidden ones with Unhide', async () => {
    const hidden = new Set<string>();
    const api = fakeApi({
      'GET /admin/reviews': (request) => {
        const wantHidden = new URL(request.url).searchParams.get('hidden') === 'true';
        return { items: [item({ hidden: hidden.has('r1') })].filter((r) => r.hidden === wantHidden), total: 1, page: 1, pageSize: 20 };
      },
      'PUT /admin/reviews/r1/hidden': async (request) => {
        const { hidden: value } = await request.json() as { hidden: boolean };
        if (value) hidden.add('r1'); else hidden.delete('r1');
        return item({ hidden: value });
      },
      'GET /cart/.+': () => emptyCart('a'),
    });
    renderPage(<ReviewsModerationPage />);

    expect(await screen.findByText('Spam <a href=x>link</a>')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Hide review by Mallory' }));
    expect(await screen.findByText('No reviews yet.')).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({ hidden: true });

    await userEvent.click(screen.getByRole('button', { name: 'Hidden' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Unhide review by Mallory' }));
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ hidden: true }, { hidden: false }]));
    expect(await screen.findByText('No hidden reviews.')).toBeInTheDocument();
  });
});
