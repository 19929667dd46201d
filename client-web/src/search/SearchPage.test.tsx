import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { book, emptyCart, fakeApi } from '../test/fakeApi';
import { renderPage } from '../test/render';
import { SearchPage } from './SearchPage';

const facets = {
  tags: [{ value: 'craft', count: 3 }, { value: 'go', count: 1 }],
  authors: [{ value: 'Andrew Hunt', count: 2 }],
  priceBands: [{ value: '25-50', count: 3 }, { value: '50+', count: 1 }],
  inStock: [{ value: 'true', count: 3 }, { value: 'false', count: 1 }],
};

function results(items: unknown[], extra: Record<string, unknown> = {}) {
  return { query: 'pragmatic', items, total: items.length, page: 1, pageSize: 20, totalPages: 1, facets, didYouMean: null, ...extra };
}

const hit = {
  product: book({ title: 'The Pragmatic Programmer', author: 'Andrew Hunt', description: 'A <b>pragmatic</b> book.' }),
  highlights: [{ field: 'title', ranges: [[4, 9]] }, { field: 'author', ranges: [[0, 6]] }, { field: 'description', ranges: [[5, 9]] }],
  rating: { average: 4.4, count: 12 },
};

describe('SearchPage', () => {
  it('marks the matched words of each result and shows its rating', async () => {
    fakeApi({ 'GET /catalog/search': () => results([hit]), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<SearchPage />, { route: '/search?q=pragmatic', path: '/search' });

    const card = (await screen.findAllByRole('listitem')).find((li) => li.classList.contains('book-card'))!;
    expect([...card.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Pragmatic', 'Andrew', 'pragmatic']);
    // The description's markup is shown as text, not interpreted.
    expect(card).toHaveTextContent('A <b>pragmatic</b> book.');
    expect(within(card).getByRole('img', { name: 'Rated 4.4 out of 5 from 12 reviews' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Results for “pragmatic”');
    expect(screen.getByText('1 book found')).toBeInTheDocument();
  });

  it('sends the address\'s search to the gateway and offers each facet value with its count as an address', async () => {
    const api = fakeApi({ 'GET /catalog/search': () => results([hit]), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<SearchPage />, { route: '/search?q=pragmatic&inStock=true&sort=rating&page=2', path: '/search' });

    const filters = await screen.findByRole('navigation', { name: 'Filters' });
    expect(api.requests.find((r) => r.path.startsWith('/catalog/search'))!.path)
      .toBe('/catalog/search?q=pragmatic&inStock=true&sort=rating&page=2&pageSize=20');
    expect(within(filters).getByRole('link', { name: 'craft (3)' })).toHaveAttribute('href', '/search?q=pragmatic&tag=craft&inStock=true&sort=rating');
    expect(within(filters).getByRole('link', { name: '$25 to $50 (3)' })).toBeInTheDocument();
    const chosen = within(filters).getByRole('link', { name: /^In stock \(3\), chosen: remove this filter/ });
    expect(chosen).toHaveAttribute('aria-current', 'true');
    expect(chosen).toHaveAttribute('href', '/search?q=pragmatic&sort=rating');

    await userEvent.click(within(filters).getByRole('link', { name: 'Andrew Hunt (2)' }));
    await waitFor(() => expect(api.requests.map((r) => r.path))
      .toContain('/catalog/search?q=pragmatic&author=Andrew%20Hunt&inStock=true&sort=rating&page=1&pageSize=20'));
  });

  it('changes the sort through the address, back on page 1', async () => {
    const api = fakeApi({ 'GET /catalog/search': () => results([hit]), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<SearchPage />, { route: '/search?q=pragmatic&page=3', path: '/search' });
    await userEvent.selectOptions(await screen.findByLabelText('Sort by'), 'price');
    await waitFor(() => expect(api.requests.map((r) => r.path)).toContain('/catalog/search?q=pragmatic&sort=price&page=1&pageSize=20'));
  });

  it('says what was searched, suggests a better spelling and what to try, and links to the whole catalog', async () => {
    fakeApi({
      'GET /catalog/search': () => results([], { didYouMean: 'pragmatic programmer', facets: { tags: [], authors: [], priceBands: [], inStock: [] } }),
      'GET /cart/.+': () => emptyCart('g'),
    });
    renderPage(<SearchPage />, { route: '/search?q=pragmatc+programer&tag=go', path: '/search' });

    expect(await screen.findByRole('heading', { name: 'No books found for “pragmatc programer”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'pragmatic programmer' })).toHaveAttribute('href', '/search?q=pragmatic+programmer&tag=go');
    expect(screen.getByRole('link', { name: 'Remove the filters' })).toHaveAttribute('href', '/search?q=pragmatc+programer');
    expect(screen.getByText('Check the spelling, or use fewer words.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse all books' })).toHaveAttribute('href', '/');
    // The chosen tag stays on screen (count 0) so it can be removed.
    expect(screen.getByRole('link', { name: /^go \(0\), chosen/ })).toBeInTheDocument();
  });
});
