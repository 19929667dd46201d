import { useState } from 'react';
import { Link } from 'react-router-dom';
import { discovery, type Review } from '../api/discovery';
import { Pager } from '../catalog/Pager';
import { Empty, ErrorNotice, Loading } from '../ui/StateViews';
import { useAsync } from '../ui/useAsync';
import { usePageTitle } from '../ui/usePageTitle';

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** Moderation: the shown or the hidden reviews, each with Hide or Unhide. A hidden review leaves the book's list and summary. */
export function ReviewsModerationPage() {
  usePageTitle('Admin · Reviews');
  const [hidden, setHidden] = useState(false);
  const [page, setPage] = useState(1);
  const list = useAsync(() => discovery.adminReviews(hidden, page), [hidden, page]);
  const data = list.data;
  const totalPages = data && data.pageSize > 0 ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div>
      <h1>Reviews</h1>
      <div className="review-sort" role="group" aria-label="Which reviews">
        {[false, true].map((value) => (
          <button key={String(value)} type="button" className="chip" aria-pressed={hidden === value} onClick={() => { setHidden(value); setPage(1); }}>
            {value ? 'Hidden' : 'Shown'}
          </button>
        ))}
      </div>
      {list.status === 'loading' && !data && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {data && data.items.length === 0 && <Empty><p>{hidden ? 'No hidden reviews.' : 'No reviews yet.'}</p></Empty>}
      {data && data.items.length > 0 && (
        <table className="admin-table">
          <thead><tr><th scope="col">Book</th><th scope="col">Rating</th><th scope="col">Reviewer</th><th scope="col">Review</th><th scope="col">Date</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {data.items.map((review) => <ModerationRow key={review.id} review={review} onChanged={list.reload} />)}
          </tbody>
        </table>
      )}
      <Pager page={page} totalPages={totalPages} onPage={setPage} />
    </div>
  );
}

function ModerationRow({ review, onChanged }: { review: Review; onChanged(): void }) {
  const [state, setState] = useState<{ status: 'idle' | 'saving' } | { status: 'error'; message: string }>({ status: 'idle' });
  const hide = !review.hidden;

  async function toggle() {
    setState({ status: 'saving' });
    try {
      await discovery.setHidden(review.id, hide);
      setState({ status: 'idle' });
      onChanged();
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }

  return (
    <tr>
      <td className="mono">{review.sku ? <Link to={`/books/${encodeURIComponent(review.sku)}`}>{review.sku}</Link> : '—'}</td>
      <td>{review.rating} / 5</td>
      <td>{review.reviewer}{review.verifiedPurchase && <> <span className="badge badge-verified">Verified purchase</span></>}</td>
      <td className="review-text">{review.text}</td>
      <td><time dateTime={review.createdAt}>{day.format(new Date(review.createdAt))}</time></td>
      <td>
        <button type="button" disabled={state.status === 'saving'} onClick={toggle} aria-label={`${hide ? 'Hide' : 'Unhide'} review by ${review.reviewer}`}>
          {hide ? 'Hide' : 'Unhide'}
        </button>
        {state.status === 'error' && <p className="field-error" role="alert">{state.message}</p>}
      </td>
    </tr>
  );
}
