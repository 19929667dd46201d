import { describe, expect, it } from 'vitest';
import { newSearch, readSearch, searchHref, writeSearch, type SearchState } from './searchQuery';

const full: SearchState = { q: 'pragmatic "clean code" -java', tag: 'craft', author: 'Andrew Hunt', priceBand: '25-50', inStock: 'true', sort: 'rating', page: 3 };

describe('search state in the address', () => {
  it('round-trips every field through the address, special characters included', () => {
    const params = writeSearch(full);
    expect(readSearch(new URLSearchParams(params.toString()))).toEqual(full);
    expect(params.toString()).toBe('q=pragmatic+%22clean+code%22+-java&tag=craft&author=Andrew+Hunt&priceBand=25-50&inStock=true&sort=rating&page=3');
  });

  it('leaves defaults out, so the same search always has the same address', () => {
    expect(writeSearch(newSearch({ q: 'fowler' })).toString()).toBe('q=fowler');
    expect(writeSearch(newSearch()).toString()).toBe('');
    expect(writeSearch(newSearch({ q: 'fowler', sort: 'title' })).toString()).toBe('q=fowler&sort=title');
    expect(writeSearch(newSearch({ tag: 'go', sort: 'relevance' })).toString()).toBe('tag=go&sort=relevance');
  });

  it('defaults the sort to relevance with words and to title without', () => {
    expect(readSearch(new URLSearchParams('q=refactoring')).sort).toBe('relevance');
    expect(readSearch(new URLSearchParams('tag=go')).sort).toBe('title');
  });

  it('ignores values the server would refuse: unknown sort, band or stock, bad page', () => {
    const state = readSearch(new URLSearchParams('q=x&sort=cheapest&priceBand=5-6&inStock=maybe&page=-4'));
    expect(state).toEqual(newSearch({ q: 'x' }));
    expect(readSearch(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('goes back to page 1 on any change but the page, and keeps the default sort following the words', () => {
    expect(searchHref(full, { tag: 'go' })).toBe('/search?q=pragmatic+%22clean+code%22+-java&tag=go&author=Andrew+Hunt&priceBand=25-50&inStock=true&sort=rating');
    expect(searchHref(full, { page: 4 })).toContain('page=4');
    expect(searchHref(newSearch({ q: 'go' }), { q: '' })).toBe('/search');
    expect(searchHref(newSearch({ q: 'go', sort: 'price' }), { q: 'rust' })).toBe('/search?q=rust&sort=price');
  });
});
