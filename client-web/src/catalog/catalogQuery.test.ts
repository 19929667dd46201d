import { describe, expect, it } from 'vitest';
import { priceError, readFilters, topTags, writeFilters } from './catalogQuery';

describe('catalog filters in the address', () => {
  it('reads defaults from an empty address and writes nothing for them', () => {
    const filters = readFilters(new URLSearchParams());
    expect(filters).toEqual({ tag: '', min: '', max: '', sort: 'title', page: 1 });
    expect(writeFilters(filters).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const params = new URLSearchParams('tag=programming&min=10&max=50&sort=-price&page=3');
    expect(writeFilters(readFilters(params)).toString()).toBe(params.toString());
  });

  it('treats a page that is not a positive number as page 1', () => {
    expect(readFilters(new URLSearchParams('page=-2')).page).toBe(1);
    expect(readFilters(new URLSearchParams('page=abc')).page).toBe(1);
  });
});

describe('topTags', () => {
  it('orders tags by how many books carry them, then by name', () => {
    const books = [{ tags: ['b', 'a'] }, { tags: ['a'] }, { tags: ['c', 'b'] }, { tags: ['a'] }];
    expect(topTags(books, 2)).toEqual(['a', 'b']);
  });
});

describe('priceError', () => {
  it('accepts an empty or ordered range', () => {
    expect(priceError('', '')).toBeNull();
    expect(priceError('10', '20')).toBeNull();
  });

  it('explains a reversed or negative range', () => {
    expect(priceError('30', '20')).toMatch(/lowest price/);
    expect(priceError('-1', '')).toMatch(/positive/);
  });
});
