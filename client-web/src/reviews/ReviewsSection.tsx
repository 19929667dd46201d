import { useState } from 'react';
import { discovery } from '../api/discovery';
import { useAuth } from '../auth/AuthContext';
import { Pager } from '../catalog/Pager';
import { ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { RatingSummary } from './RatingSummary';
import { ReviewForm } from './ReviewForm';
import { ReviewItem } from './ReviewItem';

export const reviewsPageSize = 10;
type Sort = 'newest' | 'helpful';

/** The book page's ratings and reviews: summary, the shopper's own review form, and the reviews newest or most helpful first. */
export function ReviewsSection({ sku }: { sku: string }) {
  const { user, signIn } = useAuth();
  const [sort, setSort] = useState<Sort>('newest');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const reviews = useAsync(() => discovery.reviews(sku, sort, page, reviewsPageSize), [sku, sort, page, user?.sub]);
  const data = reviews.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / reviewsPageSize)) : 1;

  function changed(text: string) {
    setMessage(text);
    reviews.reload();
  }

  return (
    <section className="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Ratings and reviews</h2>
      {reviews.status === 'loading' && !data && <Loading label="Loading reviews…" />}
      {reviews.status === 'error' && <ErrorNotice error={reviews.error} onRetry={reviews.reload} />}
      {data && (
        <>
          <RatingSummary summary={data.summary} />
          {message && <p role="status" className="notice notice-ok">{message}</p>}
          {data.canReview || data.mine ? (
            <ReviewForm key={`${data.mine?.id ?? 'new'}:${data.mine?.updatedAt ?? ''}`} sku={sku} mine={data.mine} onChanged={changed} />
          ) : user ? (
            <p className="hint">Only shoppers who bought this book can review it.</p>
          ) : (
            <p className="hint">Bought this book? <button type="button" className="link-button" onClick={() => void signIn()}>Sign in</button> to review it.</p>
          )}
          {data.total > 0 && (
            <div className="review-sort" role="group" aria-label="Sort reviews">
              {(['newest', 'helpful'] as const).map((value) => (
                <button key={value} type="button" className="chip" aria-pressed={sort === value} onClick={() => { setSort(value); setPage(1); }}>
                  {value === 'newest' ? 'Newest' : 'Most helpful'}
                </button>
              ))}
            </div>
          )}
          <ul className="review-list" aria-label="Reviews" aria-busy={reviews.status === 'loading'}>
            {data.items.map((review) => <ReviewItem key={review.id} review={review} canVote={user !== null} own={review.id === data.mine?.id} />)}
          </ul>
          <Pager page={page} totalPages={totalPages} onPage={setPage} label="Review pages" />
        </>
      )}
    </section>
  );
}
