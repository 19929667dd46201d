import type { SearchParams } from '../api/discovery';

/** A search as it appears in the page's address (/search?...), so it can be bookmarked, shared and gone back to. */
export interface SearchState {
  q: string;
  tag: string;
  author: string;
  priceBand: string;
  /** '' for either, else 'true' or 'false'. */
  inStock: string;
  sort: string;
  page: number;
}

export const searchPageSize = 20;
export const priceBands = ['0-10', '10-25', '25-50', '50+'] as const;

export const searchSorts = [
  { value: 'relevance', label: 'Best match' },
  { value: 'price', label: 'Price: low to high' },
  { value: '-price', label: 'Price: high to low' },
  { value: 'newest', label: 'Newest' },
  { value: 'rating', label: 'Highest rated' },
  { value: 'title', label: 'Title (A–Z)' },
] as const;

const sortValues: readonly string[] = searchSorts.map((s) => s.value);

/** The server's default order: by relevance when there are words to match, else by title. */
export const defaultSort = (q: string) => (q.trim() ? 'relevance' : 'title');

export function readSearch(params: URLSearchParams): SearchState {
  const q = params.get('q') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = params.get('sort') ?? '';
  const band = params.get('priceBand') ?? '';
  const inStock = params.get('inStock') ?? '';
  return {
    q,
    tag: params.get('tag') ?? '',
    author: params.get('author') ?? '',
    priceBand: (priceBands as readonly string[]).includes(band) ? band : '',
    inStock: inStock === 'true' || inStock === 'false' ? inStock : '',
    sort: sortValues.includes(sort) ? sort : defaultSort(q),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The address for this search; defaults are left out, so equal searches have equal addresses. */
export function writeSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  if (state.tag) params.set('tag', state.tag);
  if (state.author) params.set('author', state.author);
  if (state.priceBand) params.set('priceBand', state.priceBand);
  if (state.inStock) params.set('inStock', state.inStock);
  if (state.sort !== defaultSort(q)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** A fresh search: these words (or none) and nothing else. */
export function newSearch(change: Partial<SearchState> = {}): SearchState {
  const q = change.q ?? '';
  return { q, tag: '', author: '', priceBand: '', inStock: '', sort: defaultSort(q), page: 1, ...change };
}

/** The /search address for a change of this search; any change other than the page goes back to page 1. */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next = { ...state, page: 1, ...change };
  if (change.q !== undefined && change.sort === undefined && state.sort === defaultSort(state.q)) next.sort = defaultSort(next.q);
  const query = writeSearch(next).toString();
  return query ? `/search?${query}` : '/search';
}

/** The query the gateway's /catalog/search takes for this search. */
export function searchRequest(state: SearchState): SearchParams {
  return {
    q: state.q.trim() || undefined, tag: state.tag || undefined, author: state.author || undefined,
    priceBand: state.priceBand || undefined, inStock: state.inStock || undefined,
    sort: state.sort, page: state.page, pageSize: searchPageSize,
  };
}

export const hasFilters = (state: SearchState) => Boolean(state.tag || state.author || state.priceBand || state.inStock);

export function priceBandLabel(band: string): string {
  if (band.endsWith('+')) return `$${band.slice(0, -1)} and over`;
  const [low, high] = band.split('-');
  return low === '0' ? `Under $${high}` : `$${low} to $${high}`;
}
