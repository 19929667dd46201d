import { useState, type FormEvent } from 'react';
import { priceError, sortOptions, type CatalogFilters } from './catalogQuery';

interface Props {
  filters: CatalogFilters;
  tags: string[];
  onChange(filters: CatalogFilters): void;
}

/** Tag chips, price range and sort; the price range applies on submit, chips and sort at once. */
export function CatalogFiltersForm({ filters, tags, onChange }: Props) {
  const [min, setMin] = useState(filters.min);
  const [max, setMax] = useState(filters.max);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = priceError(min, max);
    setError(problem);
    if (!problem) onChange({ ...filters, min, max, page: 1 });
  }

  return (
    <form className="filters" aria-label="Browse filters" onSubmit={submit}>
      <fieldset className="price-range">
        <legend>Price range (USD)</legend>
        <label>From <input type="number" inputMode="decimal" min={0} step="0.01" value={min} onChange={(e) => setMin(e.target.value)} aria-describedby={error ? 'price-error' : undefined} /></label>
        <label>To <input type="number" inputMode="decimal" min={0} step="0.01" value={max} onChange={(e) => setMax(e.target.value)} aria-describedby={error ? 'price-error' : undefined} /></label>
        <button type="submit" className="secondary">Apply</button>
        {error && <p id="price-error" className="field-error" role="alert">{error}</p>}
      </fieldset>
      <label className="sort">Sort by{' '}
        <select value={filters.sort} onChange={(e) => onChange({ ...filters, sort: e.target.value, page: 1 })}>
          {sortOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      {tags.length > 0 && (
        <div className="tags" role="group" aria-label="Filter by tag">
          {tags.map((tag) => (
            <button key={tag} type="button" className="chip" aria-pressed={filters.tag === tag}
              onClick={() => onChange({ ...filters, tag: filters.tag === tag ? '' : tag, page: 1 })}>
              {tag}
            </button>
          ))}
        </div>
      )}
    </form>
  );
}
