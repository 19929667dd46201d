import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Suggestion } from '../api/discovery';
import { newSearch, readSearch, searchHref } from './searchQuery';
import { useSuggestions } from './useSuggestions';

/** Where picking a suggestion goes: a title opens the book, an author searches by that author. */
export function suggestionHref(suggestion: Suggestion): string {
  return suggestion.kind === 'title' && suggestion.sku
    ? `/books/${encodeURIComponent(suggestion.sku)}`
    : searchHref(newSearch(suggestion.kind === 'author' ? { author: suggestion.text } : { q: suggestion.text }));
}

function sameSuggestion(a: Suggestion, b: Suggestion): boolean {
  return a.kind === b.kind && a.text === b.text && (a.sku ?? '') === (b.sku ?? '');
}

/**
 * The header's search box: a WAI-ARIA combobox whose listbox offers titles and authors as the shopper types. Arrow keys
 * move through the suggestions (focus stays in the box, aria-activedescendant names the active one), Enter picks the
 * active one or searches for the text, Escape closes the list, then clears the box.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestions(text, open);
  const expanded = open && suggestions.length > 0;

  // The box shows what the results page is showing, and empties elsewhere.
  useEffect(() => {
    setText(location.pathname === '/search' ? readSearch(new URLSearchParams(location.search)).q : '');
    setOpen(false);
    setActive(-1);
  }, [location.pathname, location.search]);

  // A fresh answer keeps the choice on the same suggestion while it is still offered: the answer for the text typed
  // last may arrive after the shopper already moved to a suggestion of the previous one.
  const [shown, setShown] = useState(suggestions);
  if (shown !== suggestions) {
    const chosen = active >= 0 ? shown[active] : undefined;
    setShown(suggestions);
    setActive(chosen ? suggestions.findIndex((s) => sameSuggestion(s, chosen)) : -1);
  }

  function go(href: string) {
    setOpen(false);
    setActive(-1);
    navigate(href);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const picked = expanded ? suggestions[active] : undefined;
    if (picked) go(suggestionHref(picked));
    else if (text.trim()) go(searchHref(newSearch({ q: text })));
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) { setOpen(true); return; }
      if (suggestions.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past either end the selection returns to the text box itself (-1), as in the APG's list autocomplete example.
      setActive((current) => {
        const next = current + step;
        return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) { setOpen(false); setActive(-1); } else setText('');
    }
  }

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <form className="header-search" role="search" aria-label="Books" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">Search books</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder="Title, author, ISBN…"
        value={text}
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
        onKeyDown={keyDown}
        onBlur={() => setOpen(false)}
      />
      <button type="submit">Search</button>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!expanded}>
        {expanded && suggestions.map((s, index) => (
          <li key={`${s.kind}:${s.text}:${s.sku ?? ''}`} id={optionId(index)} role="option" aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // Keeps focus in the box, so the click lands before the blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(suggestionHref(s))}>
            <span className="suggestion-text">{s.text}</span>
            <span className="suggestion-kind">{s.kind === 'author' ? 'Author' : 'Book'}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {expanded ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}, use the arrow keys to choose` : ''}
      </p>
    </form>
  );
}
