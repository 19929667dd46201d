import { Navigate, useSearchParams } from 'react-router-dom';
import { api, call } from '../api/client';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { BookCard } from './BookCard';
import { CatalogFiltersForm } from './CatalogFiltersForm';
import { pageSize, readFilters, topTags, writeFilters, type CatalogFilters } from './catalogQuery';
import { Pager } from './Pager';
import { HomeShelves } from '../shelves/HomeShelves';

let tagCache: Promise<string[]> | null = null;

/** The tags of the whole catalog, read once per visit. */
function loadTags(): Promise<string[]> {
  tagCache ??= call(api.GET('/catalog')).then((all) => topTags(all.items, 14)).catch((e: unknown) => {
    tagCache = null;
    throw e;
  });
  return tagCache;
}

export function CatalogPage() {
  const [params] = useSearchParams();
  const words = params.get('q');
  const tag = params.get('tag');
  // Searching by words has its own page now; an old address with ?q= goes there.
  if (words !== null) return <Navigate to={`/search?${new URLSearchParams({ q: words, ...(tag ? { tag } : {}) })}`} replace />;
  return <Browse />;
}

function Browse() {
  usePageTitle('Books');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const key = params.toString();
  const results = useAsync(() => call(api.GET('/catalog', {
    params: {
      query: {
        tag: filters.tag || undefined, min: filters.min || undefined, max: filters.max || undefined,
        sort: filters.sort, page: String(filters.page), pageSize: String(pageSize),
      },
    },
  })), [key]);
  const tags = useAsync(loadTags, []);
  const filtered = key !== '' && key !== 'page=1';

  const change = (next: CatalogFilters) => setParams(writeFilters(next));

  return (
    <div className="catalog">
      {!filtered && <HomeShelves />}
      <h1>Books</h1>
      <CatalogFiltersForm key={key} filters={filters} tags={tags.status === 'ready' ? tags.data : []} onChange={change} />
      <section aria-labelledby="results-heading" aria-busy={results.status === 'loading'}>
        <h2 id="results-heading" className="visually-hidden">Results</h2>
        {results.status === 'loading' && !results.data && <Loading label="Loading books…" />}
        {results.status === 'error' && <ErrorNotice error={results.error} onRetry={results.reload} />}
        {results.data && (
          <>
            <p className="result-count" role="status">
              {results.data.total === 1 ? '1 book' : `${results.data.total ?? results.data.count} books`}
              {filters.tag && <> tagged {filters.tag}</>}
            </p>
            {results.data.items.length === 0 ? (
              <Empty>
                <p>No books match these filters.</p>
                <button type="button" onClick={() => setParams(new URLSearchParams())}>Clear all filters</button>
              </Empty>
            ) : (
              <ul className="book-grid">
                {results.data.items.map((book) => <BookCard key={book.id} book={book} />)}
              </ul>
            )}
            <Pager page={filters.page} totalPages={results.data.totalPages ?? 1} onPage={(page) => change({ ...filters, page })} />
          </>
        )}
      </section>
    </div>
  );
}
