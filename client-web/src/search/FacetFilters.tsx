import { Link } from 'react-router-dom';
import type { FacetCount, SearchFacets } from '../api/discovery';
import { priceBandLabel, searchHref, type SearchState } from './searchQuery';

type Facet = 'tag' | 'author' | 'priceBand' | 'inStock';

const groups: { facet: Facet; key: keyof SearchFacets; title: string; label(value: string): string }[] = [
  { facet: 'tag', key: 'tags', title: 'Tags', label: (v) => v },
  { facet: 'author', key: 'authors', title: 'Authors', label: (v) => v },
  { facet: 'priceBand', key: 'priceBands', title: 'Price', label: priceBandLabel },
  { facet: 'inStock', key: 'inStock', title: 'Availability', label: (v) => (v === 'true' ? 'In stock' : 'Sold out') },
];

/**
 * The facets as links: each value with how many results it would leave (counted with the other filters applied), the
 * chosen one marked current with a link to remove it. Every choice is an address, so the back button undoes it.
 */
export function FacetFilters({ state, facets }: { state: SearchState; facets: SearchFacets }) {
  return (
    <nav className="facets" aria-label="Filters">
      <h2 className="visually-hidden">Filters</h2>
      {groups.map(({ facet, key, title, label }) => {
        const chosen = state[facet];
        const values: FacetCount[] = facets[key] ?? [];
        if (values.length === 0 && !chosen) return null;
        const shown = chosen && !values.some((v) => v.value === chosen) ? [{ value: chosen, count: 0 }, ...values] : values;
        return (
          <section key={facet} aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`}>{title}</h3>
            <ul>
              {shown.map(({ value, count }) => (
                <li key={value}>
                  {value === chosen ? (
                    <Link to={searchHref(state, { [facet]: '' })} aria-current="true" className="facet-chosen">
                      {label(value)} <span className="facet-count">({count})</span>
                      <span className="visually-hidden">, chosen: remove this filter</span> <span aria-hidden="true">×</span>
                    </Link>
                  ) : (
                    <Link to={searchHref(state, { [facet]: value })}>
                      {label(value)} <span className="facet-count">({count})</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
