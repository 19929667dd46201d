import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Product } from '../api/client';
import type { RatingBrief } from '../api/discovery';
import { Stars } from '../reviews/Stars';
import { money } from '../ui/money';
import { StockBadge } from '../ui/StockBadge';
import { useAddToCart } from './useAddToCart';

interface Props {
  book: Product;
  /** A search result's title and author with the matched words marked, and what else matched. */
  match?: { title: ReactNode; author: ReactNode; details?: ReactNode };
  rating?: RatingBrief | null;
}

export function BookCard({ book, match, rating }: Props) {
  const { state, addToCart } = useAddToCart();
  const soldOut = book.stock <= 0;
  const label = soldOut ? 'Sold out' : state.status === 'adding' ? 'Adding…' : state.status === 'added' ? 'Added ✓' : 'Add to cart';
  return (
    <li className="book-card">
      <Link to={`/books/${encodeURIComponent(book.sku)}`} className="book-link">
        <img src={book.coverUrl} alt="" loading="lazy" width={160} height={240} />
        <h3>{match?.title ?? book.title}</h3>
      </Link>
      {book.author && <p className="author">{match?.author ?? book.author}</p>}
      {match?.details}
      {rating && rating.count > 0 && <Stars average={rating.average} count={rating.count} />}
      <p className="price-row">
        <span className="price">{money(book.price)}</span>
        <StockBadge stock={book.stock} />
      </p>
      {/* The accessible name starts with the visible text (WCAG 2.5.3, label in name), then says which book. */}
      <button type="button" disabled={soldOut || state.status === 'adding'} onClick={() => addToCart(book.sku)}
        aria-label={`${label}: ${book.title}`}>
        {label}
      </button>
      {state.status === 'error' && <p className="field-error" role="alert">{state.message}</p>}
    </li>
  );
}
