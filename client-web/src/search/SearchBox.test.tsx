import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router-dom';
import { fakeApi } from '../test/fakeApi';
import { Where } from '../test/Where';
import { SearchBox } from './SearchBox';

const suggestions = [
  { kind: 'title', text: 'The Pragmatic Programmer', sku: 'BOOK-001' },
  { kind: 'title', text: 'Pragmatic Thinking and Learning', sku: 'BOOK-014' },
  { kind: 'author', text: 'Andrew Hunt' },
];

function renderBox(route = '/') {
  render(<MemoryRouter initialEntries={[route]}><SearchBox /><Where /></MemoryRouter>);
  return screen.getByRole('combobox', { name: 'Search books' });
}

const where = () => screen.getByTestId('where').textContent;
// Keys go in without pauses, as a quick typist's do; the debounce then asks once.
const user = () => userEvent.setup({ delay: null });

/** Waits for the debounce to run out and the fake gateway's answer to show. */
async function settle() {
  await screen.findAllByRole('option', {}, { timeout: 2000 });
}

describe('SearchBox (combobox)', () => {
  it('offers suggestions once the shopper pauses, as a listbox the box controls', async () => {
    const api = fakeApi({ 'GET /catalog/suggest': () => ({ query: 'prag', suggestions }) });
    const box = renderBox();
    expect(box).toHaveAttribute('aria-expanded', 'false');

    await user().type(box, 'prag');
    const list = (await settle(), screen.getByRole('listbox', { name: 'Suggestions' }));
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', list.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['The Pragmatic ProgrammerBook', 'Pragmatic Thinking and LearningBook', 'Andrew HuntAuthor']);
    // Debounced: typing four letters asked once, for the whole word.
    expect(api.requests.map((r) => r.path)).toEqual(['/catalog/suggest?q=prag&limit=8']);
  });

  it('moves through the suggestions with the arrow keys, naming the active one in aria-activedescendant', async () => {
    fakeApi({ 'GET /catalog/suggest': () => ({ query: 'prag', suggestions }) });
    const box = renderBox();
    const u = user();
    await u.type(box, 'prag');
    await settle();
    const options = screen.getAllByRole('option');

    expect(box).not.toHaveAttribute('aria-activedescendant');
    await u.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await u.keyboard('{ArrowDown}{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    // Past the last one the selection goes back to the text; up from the text goes to the last.
    await u.keyboard('{ArrowDown}');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    await u.keyboard('{ArrowUp}');
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id);
    expect(box).toHaveFocus();
  });

  it('Enter on a title suggestion opens the book; on an author it searches by that author', async () => {
    fakeApi({ 'GET /catalog/suggest': () => ({ query: 'prag', suggestions }) });
    const box = renderBox();
    const u = user();
    await u.type(box, 'prag');
    await settle();
    await u.keyboard('{ArrowDown}{Enter}');
    expect(where()).toBe('/books/BOOK-001');

    await u.type(box, 'prag');
    await settle();
    await u.keyboard('{ArrowUp}{Enter}');
    expect(where()).toBe('/search?author=Andrew+Hunt');
  });

  it('Enter with no suggestion chosen searches for the text', async () => {
    fakeApi({ 'GET /catalog/suggest': () => ({ query: 'prag', suggestions }) });
    const box = renderBox();
    const u = user();
    await u.type(box, 'pragmatic programer');
    await settle();
    await u.keyboard('{Enter}');
    expect(where()).toBe('/search?q=pragmatic+programer');
    expect(box).toHaveValue('pragmatic programer');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape closes the list first, then clears the box', async () => {
    fakeApi({ 'GET /catalog/suggest': () => ({ query: 'prag', suggestions }) });
    const box = renderBox();
    const u = user();
    await u.type(box, 'prag');
    await settle();
    await u.keyboard('{ArrowDown}{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    expect(box).toHaveValue('prag');
    await u.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(where()).toBe('/');
  });

  it('ignores an answer that comes back after a newer one', async () => {
    const pending: Record<string, (body: unknown) => void> = {};
    fakeApi({
      'GET /catalog/suggest': (request) => new Promise((resolve) => {
        const q = new URL(request.url).searchParams.get('q')!;
        pending[q] = (body) => resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
      }),
    });
    const box = renderBox();
    const u = user();
    await u.type(box, 'fow');
    await waitFor(() => expect(pending.fow).toBeDefined());
    await u.type(box, 'ler');
    await waitFor(() => expect(pending.fowler).toBeDefined());
    await act(async () => { pending.fowler!({ query: 'fowler', suggestions: [{ kind: 'author', text: 'Martin Fowler' }] }); });
    await act(async () => { pending.fow!({ query: 'fow', suggestions: [{ kind: 'title', text: 'Stale Answer', sku: 'OLD-1' }] }); });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Martin FowlerAuthor']);
  });

  it('shows the search being viewed on the results page', () => {
    fakeApi({});
    const box = renderBox('/search?q=refactoring&tag=craft');
    expect(box).toHaveValue('refactoring');
  });
});
