import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { book, emptyCart, fakeApi, json } from '../test/fakeApi';
import { shopper } from '../test/fakeUserManager';
import { renderPage } from '../test/render';
import { HomeShelves } from './HomeShelves';
import { recentlyViewed, rememberViewed } from './recentlyViewed';

const popular = { id: 'popular-now', title: 'Popular now', reason: 'Most bought in the last 7 days', items: [book(), book({ id: 'b2', sku: 'BOOK-002', title: 'Refactoring' })] };
const arrivals = { id: 'new-arrivals', title: 'New arrivals', reason: 'Published most recently', items: [book({ id: 'b3', sku: 'BOOK-003', title: 'Newest Book' })] };

describe('HomeShelves', () => {
  it('shows the shop\'s shelves in its order, each with its reason and books', async () => {
    fakeApi({ 'GET /recommendations/shelves': () => ({ shelves: [popular, arrivals] }), 'GET /cart/.+': () => emptyCart('g') });
    renderPage(<HomeShelves />);

    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Popular now', 'New arrivals']);
    const shelf = screen.getByRole('region', { name: 'Popular now' });
    expect(shelf).toHaveTextContent('Most bought in the last 7 days');
    expect(within(shelf).getByRole('link', { name: 'Refactoring' })).toHaveAttribute('href', '/books/BOOK-002');
  });

  it('shows no shelf the shop did not send, and nothing at all when it sends none', async () => {
    const api = fakeApi({ 'GET /recommendations/shelves': () => ({ shelves: [] }), 'GET /cart/.+': () => emptyCart('g') });
    const { container } = renderPage(<HomeShelves />);
    await waitFor(() => expect(api.requests.map((r) => r.path)).toContain('/recommendations/shelves'));
    expect(container).toBeEmptyDOMElement();
  });

  it('gives a guest the books viewed in this browser first, newest first, leaving out books the shop no longer has', async () => {
    rememberViewed('BOOK-003');
    rememberViewed('GONE-1');
    rememberViewed('BOOK-001');
    fakeApi({
      'GET /recommendations/shelves': () => ({ shelves: [popular] }),
      'GET /catalog/BOOK-001': () => book(),
      'GET /catalog/BOOK-003': () => book({ id: 'b3', sku: 'BOOK-003', title: 'Newest Book' }),
      'GET /catalog/GONE-1': () => json({ detail: 'not found' }, 404),
      'GET /cart/.+': () => emptyCart('g'),
    });
    renderPage(<HomeShelves />);

    const shelf = await screen.findByRole('region', { name: 'Recently viewed' });
    expect(within(shelf).getAllByRole('link').map((l) => l.textContent)).toEqual(['Clean Code', 'Newest Book']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Recently viewed', 'Popular now']);
  });

  it('asks the shop for a signed-in shopper\'s shelves with their token, not this browser\'s list', async () => {
    rememberViewed('BOOK-001');
    const api = fakeApi({
      'GET /recommendations/shelves': () => ({ shelves: [{ ...popular, id: 'because-you-bought', title: 'Because you bought Clean Code', reason: 'Bought by shoppers who bought it' }] }),
      'GET /cart/.+': () => emptyCart('s'),
    });
    renderPage(<HomeShelves />, { manager: shopper() });
    expect(await screen.findByRole('heading', { name: 'Because you bought Clean Code' })).toBeInTheDocument();
    await waitFor(() => expect(api.requests.some((r) => r.path === '/recommendations/shelves' && r.headers.get('Authorization')?.startsWith('Bearer '))).toBe(true));
    expect(screen.queryByRole('heading', { name: 'Recently viewed' })).not.toBeInTheDocument();
  });
});

describe('recently viewed in the browser', () => {
  it('keeps each book once, newest first, and at most twelve', () => {
    for (let i = 0; i < 15; i++) rememberViewed(`B-${i}`);
    rememberViewed('B-10');
    const list = recentlyViewed();
    expect(list).toHaveLength(12);
    expect(list.slice(0, 3)).toEqual(['B-10', 'B-14', 'B-13']);
    expect(new Set(list).size).toBe(12);
  });
});
