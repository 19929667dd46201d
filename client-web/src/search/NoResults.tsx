import { Link } from 'react-router-dom';
import { Empty } from '../ui/StateViews';
import { newSearch, searchHref, type SearchState } from './searchQuery';

/** Nothing matched: says what was searched for, what to try instead, and the way to the whole catalog. */
export function NoResults({ state, didYouMean, filtered }: { state: SearchState; didYouMean: string | null; filtered: boolean }) {
  const words = state.q.trim();
  return (
    <Empty>
      <h2>{words ? <>No books found for “{words}”</> : 'No books match these filters'}</h2>
      {didYouMean && <p>Did you mean <Link to={searchHref(state, { q: didYouMean })}>{didYouMean}</Link>?</p>}
      <p>Things to try:</p>
      <ul className="try-list">
        {words && <li>Check the spelling, or use fewer words.</li>}
        {words && <li>Search for an author's surname, a title word or an ISBN.</li>}
        {filtered && <li><Link to={searchHref(newSearch({ q: state.q }))}>Remove the filters</Link> and search again.</li>}
      </ul>
      <p><Link to="/">Browse all books</Link></p>
    </Empty>
  );
}
