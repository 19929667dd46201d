import { Link } from 'react-router-dom';
import { money } from '../ui/money';

export interface CoverItem { id: string; sku: string; title: string; coverUrl: string; price: number }

/** A row of covers with titles and prices, each opening its book: the shelves and the recommendations. */
export function CoverList({ books }: { books: CoverItem[] }) {
  return (
    <ul className="rec-list">
      {books.map((b) => (
        <li key={b.id}>
          <Link to={`/books/${encodeURIComponent(b.sku)}`}>
            <img src={b.coverUrl} alt="" width={96} height={144} loading="lazy" />
            <span className="rec-title">{b.title}</span>
          </Link>
          <span className="price">{money(b.price)}</span>
        </li>
      ))}
    </ul>
  );
}
