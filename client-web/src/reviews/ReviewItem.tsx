import { useState } from 'react';
import { ApiError } from '../api/client';
import { discovery, type Review } from '../api/discovery';
import { Stars } from './Stars';

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

interface Props {
  review: Review;
  /** Signed-in shoppers may mark other people's reviews helpful. */
  canVote: boolean;
  own: boolean;
}

/** One review: stars, who and when, "Verified purchase", the text as plain text, and the Helpful button. */
export function ReviewItem({ review, canVote, own }: Props) {
  const [helpful, setHelpful] = useState(review.helpful);
  const [vote, setVote] = useState<{ status: 'idle' | 'sending' | 'done' } | { status: 'error'; message: string }>({ status: 'idle' });

  async function markHelpful() {
    setVote({ status: 'sending' });
    try {
      setHelpful((await discovery.helpful(review.id)).helpful);
      setVote({ status: 'done' });
    } catch (e) {
      const message = e instanceof ApiError && e.status === 409 ? 'You have already marked this review, or it is your own.' : (e as Error).message;
      setVote({ status: 'error', message });
    }
  }

  const edited = review.updatedAt !== review.createdAt;
  return (
    <li className="review">
      <p className="review-head">
        <Stars average={review.rating} /> <strong className="reviewer">{review.reviewer}</strong>
        {' '}<time dateTime={review.createdAt}>{day.format(new Date(review.createdAt))}</time>{edited && ' (edited)'}
        {review.verifiedPurchase && <> <span className="badge badge-verified">Verified purchase</span></>}
      </p>
      {review.text && <p className="review-text">{review.text}</p>}
      <p className="review-helpful">
        {helpful > 0 && <span>{helpful === 1 ? '1 person found this helpful.' : `${helpful} people found this helpful.`} </span>}
        {canVote && !own && (
          <button type="button" className="secondary" disabled={vote.status !== 'idle' && vote.status !== 'error'} onClick={markHelpful}
            aria-label={vote.status === 'done' ? 'Helpful: thanks for your vote' : `Helpful: review by ${review.reviewer}`}>
            {vote.status === 'done' ? 'Helpful ✓' : 'Helpful'}
          </button>
        )}
      </p>
      {vote.status === 'error' && <p className="field-error" role="alert">{vote.message}</p>}
    </li>
  );
}
