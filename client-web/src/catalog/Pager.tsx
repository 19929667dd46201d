interface Props {
  page: number;
  totalPages: number;
  onPage(page: number): void;
  /** The navigation's name, when a page has more than one pager. */
  label?: string;
}

export function Pager({ page, totalPages, onPage, label = 'Pages' }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>← Previous</button>
      <span aria-current="page">Page {page} of {totalPages}</span>
      <button type="button" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>Next →</button>
    </nav>
  );
}
