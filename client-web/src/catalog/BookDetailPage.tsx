import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call, type Product } from '../api/client';
import { money } from '../ui/money';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { StockBadge } from '../ui/StockBadge';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';
import { BackInStock } from './BackInStock';
import { Recommendations } from './Recommendations';
import { useAddToCart } from './useAddToCart';
import { useRecordView } from '../shelves/useRecordView';
import { ReviewsSection } from '../reviews/ReviewsSection';

export function BookDetailPage() {
  const { sku = '' } = useParams();
  const book = useAsync(() => call(api.GET('/catalog/{id}', { params: { path: { id: sku } } })), [sku]);

  if (book.status === 'loading') return <Loading label="Loading the book…" />;
  if (book.status === 'error')
    return book.error.message === 'not found' || (book.error as { status?: number }).status === 404
      ? <div className="state state-empty"><h1>Book not found</h1><p>There is no book “{sku}”. <Link to="/">Browse the catalog</Link>.</p></div>
      : <ErrorNotice error={book.error} onRetry={book.reload} />;
  return <BookDetail book={book.data} />;
}

function BookDetail({ book }: { book: Product }) {
  usePageTitle(book.title);
  useRecordView(book.sku);
  const [quantity, setQuantity] = useState(1);
  const { state, addToCart } = useAddToCart();
  const soldOut = book.stock <= 0;
  return (
    <article className="book-detail">
      <img className="cover" src={book.coverUrl} alt={`Cover of ${book.title}`} width={240} height={360} />
      <div className="book-info">
        <h1>{book.title}</h1>
        {book.author && <p className="author">by {book.author}</p>}
        <p className="price-row"><span className="price big">{money(book.price)}</span> <StockBadge stock={book.stock} /></p>
        <p className="stock-line">{soldOut ? 'Sold out for now.' : `${book.stock} in stock`}</p>
        {book.description && <p className="description">{book.description}</p>}
        <dl className="facts">
          <dt>SKU</dt><dd>{book.sku}</dd>
          {book.isbn && <><dt>ISBN</dt><dd>{book.isbn}</dd></>}
          {book.publishedYear && <><dt>Published</dt><dd>{book.publishedYear}</dd></>}
          {book.tags.length > 0 && <><dt>Tags</dt><dd>{book.tags.map((t) => <Link key={t} className="chip" to={`/?tag=${encodeURIComponent(t)}`}>{t}</Link>)}</dd></>}
        </dl>
        {soldOut ? <BackInStock sku={book.sku} /> : (
          <form className="add-form" onSubmit={(e) => { e.preventDefault(); void addToCart(book.sku, quantity); }}>
            <label>Quantity{' '}
              <input type="number" min={1} max={Math.min(99, book.stock)} value={quantity}
                onChange={(e) => setQuantity(Math.max(1, Number.parseInt(e.target.value, 10) || 1))} />
            </label>
            <button type="submit" disabled={state.status === 'adding'}>{state.status === 'adding' ? 'Adding…' : 'Add to cart'}</button>
            {state.status === 'added' && <p role="status">Added to your cart. <Link to="/basket">View cart</Link></p>}
            {state.status === 'error' && <p className="field-error" role="alert">{state.message}</p>}
          </form>
        )}
      </div>
      <div className="book-reviews">
        <ReviewsSection sku={book.sku} />
      </div>
      <div className="related">
        <Recommendations title="Related books" strategy="related" productId={book.sku} />
      </div>
    </article>
  );
}
