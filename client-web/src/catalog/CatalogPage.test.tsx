import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { book, emptyCart, fakeApi, json } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { Where } from '../test/Where';
import { CatalogPage } from './CatalogPage';

const page = (items: unknown[], total = items.length) => ({ items, count: items.length, total, page: 1, pageSize: 12, totalPages: Math.max(1, Math.ceil(total / 12)) });

describe('CatalogPage', () => {
  it('shows covers, prices and stock badges, with sold-out books marked and not addable', async () => {
    fakeApi({
      'GET /catalog': () => page([book(), book({ id: 'b2', sku: 'BOOK-002', title: 'Gone Book', stock: 0 })]),
      'GET /cart/.+': () => emptyCart('g'),
      'GET /recommendations/shelves': () => ({ shelves: [] }),
    });
    renderPage(<CatalogPage />);

    const cards = await screen.findAllByRole('listitem');
    const gone = cards.find((c) => within(c).queryByText('Gone Book'))!;
    expect(within(gone).getByRole('button', { name: 'Sold out: Gone Book' })).toBeDisabled();
    expect(within(cards[0]!).getByText('$42.99')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('In stock')).toBeInTheDocument();
  });

  it('sends the price range and sort the shopper chose', async () => {
    const api = fakeApi({
      'GET /catalog': () => page([book()]),
      'GET /cart/.+': () => emptyCart('g'),
      'GET /recommendations/shelves': () => ({ shelves: [] }),
    });
    renderPage(<CatalogPage />);
    await screen.findByText('Clean Code');

    await userEvent.type(screen.getByRole('spinbutton', { name: 'From' }), '10{Enter}');
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), '-price');

    await waitFor(() => expect(api.requests.map((r) => r.path)).toContainEqual(expect.stringMatching(/^\/catalog\?min=10&sort=-price&page=1&pageSize=12$/)));
  });

  it('says so when nothing matches', async () => {
    fakeApi({
      'GET /catalog': () => page([]),
      'GET /cart/.+': () => emptyCart('g'),
      'GET /recommendations/shelves': () => ({ shelves: [] }),
    });
    renderPage(<CatalogPage />, { route: '/?tag=zzz' });
    expect(await screen.findByText('No books match these filters.')).toBeInTheDocument();
  });

  it('explains a failure and retries on request', async () => {
    let failures = 1;
    fakeApi({
      // The first page of results fails once; the tag list (read without paging) always works.
      'GET /catalog': (request) => (new URL(request.url).searchParams.has('page') && failures-- > 0
        ? json({ detail: 'catalog unavailable' }, 503) : page([book()])),
      'GET /cart/.+': () => emptyCart('g'),
      'GET /recommendations/shelves': () => ({ shelves: [] }),
    });
    renderPage(<CatalogPage />, { route: '/?tag=clean' });
    expect(await screen.findByRole('alert')).toHaveTextContent('catalog unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Clean Code')).toBeInTheDocument();
  });

  it('sends an old address that searched by words to the search page', async () => {
    fakeApi({ 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<CatalogPage />, { route: '/?q=clean+code&tag=craft', path: '/', elsewhere: <Where /> });
    expect(await screen.findByTestId('where')).toHaveTextContent('/search?q=clean+code&tag=craft');
  });
});
