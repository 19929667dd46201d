/** The browsing filters as they appear in the page's address, so a view can be bookmarked, shared and gone back to (searching by words is /search). */
export interface CatalogFilters {
  tag: string;
  min: string;
  max: string;
  sort: string;
  page: number;
}

export const pageSize = 12;

export const sortOptions = [
  { value: 'title', label: 'Title (A–Z)' },
  { value: 'price', label: 'Price: low to high' },
  { value: '-price', label: 'Price: high to low' },
  { value: 'newest', label: 'Newest' },
  { value: 'rating', label: 'Highest rated' },
] as const;

export function readFilters(params: URLSearchParams): CatalogFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    tag: params.get('tag') ?? '',
    min: params.get('min') ?? '',
    max: params.get('max') ?? '',
    sort: params.get('sort') ?? 'title',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The address for these filters; defaults are left out. Any change of filter goes back to page 1. */
export function writeFilters(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.min) params.set('min', filters.min);
  if (filters.max) params.set('max', filters.max);
  if (filters.sort !== 'title') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The most common tags, for the filter chips. */
export function topTags(books: { tags: string[] }[], count: number): string[] {
  const counts = new Map<string, number>();
  for (const book of books) for (const tag of book.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([tag]) => tag);
}

export function priceError(min: string, max: string): string | null {
  const low = min === '' ? null : Number(min);
  const high = max === '' ? null : Number(max);
  if ((low !== null && (Number.isNaN(low) || low < 0)) || (high !== null && (Number.isNaN(high) || high < 0)))
    return 'Prices must be positive numbers.';
  if (low !== null && high !== null && low > high) return 'The lowest price must not be above the highest.';
  return null;
}
