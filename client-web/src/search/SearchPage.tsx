import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { discovery } from '../api/discovery';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { Pager } from '../catalog/Pager';
import { FacetFilters } from './FacetFilters';
import { NoResults } from './NoResults';
import { SearchHitCard } from './SearchHitCard';
import { hasFilters, priceBandLabel, readSearch, searchHref, searchRequest, searchSorts, writeSearch, type SearchState } from './searchQuery';

/** What is being searched for, in words: the heading of the results and the page's title. */
function describe(state: SearchState): string {
  if (state.q.trim()) return `Results for “${state.q.trim()}”`;
  if (state.author) return `Books by ${state.author}`;
  if (state.tag) return `Books tagged ${state.tag}`;
  if (state.priceBand) return `Books ${priceBandLabel(state.priceBand).toLowerCase()}`;
  return 'All books';
}

/** /search: the results of the header's search box, with facets, sort and paging, all kept in the address. */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readSearch(params);
  const key = writeSearch(state).toString();
  const results = useAsync(() => discovery.search(searchRequest(state)), [key]);
  const title = describe(state);
  usePageTitle(title);
  const data = results.data;

  return (
    <div className="search-page">
      <h1>{title}</h1>
      {data?.didYouMean && data.items.length > 0 && (
        <p className="did-you-mean">Did you mean <Link to={searchHref(state, { q: data.didYouMean })}>{data.didYouMean}</Link>?</p>
      )}
      <div className="search-layout">
        {data && <FacetFilters state={state} facets={data.facets} />}
        <section aria-labelledby="search-results-heading" aria-busy={results.status === 'loading'} className="search-results">
          <h2 id="search-results-heading" className="visually-hidden">Results</h2>
          <div className="results-bar">
            <p className="result-count" role="status">{data && (data.total === 1 ? '1 book found' : `${data.total} books found`)}</p>
            <label className="sort">Sort by{' '}
              <select value={state.sort} onChange={(e) => navigate(searchHref(state, { sort: e.target.value }))}>
                {searchSorts.filter((s) => s.value !== 'relevance' || state.q.trim()).map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
              </select>
            </label>
          </div>
          {results.status === 'loading' && !data && <Loading label="Searching…" />}
          {results.status === 'error' && <ErrorNotice error={results.error} onRetry={results.reload} />}
          {data && (data.items.length === 0 ? (
            <NoResults state={state} didYouMean={data.didYouMean} filtered={hasFilters(state)} />
          ) : (
            <>
              <ul className="book-grid">{data.items.map((hit) => <SearchHitCard key={hit.product.id} hit={hit} />)}</ul>
              <Pager page={state.page} totalPages={data.totalPages} onPage={(page) => navigate(searchHref(state, { page }))} />
            </>
          ))}
        </section>
      </div>
    </div>
  );
}
