import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { discovery, type Review } from '../api/discovery';
import { reviewErrors, reviewTextMax, reviewTextMin, type ReviewErrors } from './reviewRules';

interface Props {
  sku: string;
  mine: Review | null;
  /** After a save or a delete, with what to tell the shopper: the list and the summary load again. */
  onChanged(message: string): void;
}

/** The field the server named in a 422, matched however it capitalised it. */
function fieldErrors(error: ApiError): ReviewErrors {
  const found: ReviewErrors = {};
  for (const [field, messages] of Object.entries(error.fields)) {
    const key = field.toLowerCase();
    if (key === 'rating' || key === 'text') found[key] = messages.join(' ');
  }
  return found;
}

/** The signed-in buyer's own review: 1-5 stars (a radio group) and text with a length counter; edit and delete. */
export function ReviewForm({ sku, mine, onChanged }: Props) {
  const id = useId();
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [text, setText] = useState(mine?.text ?? '');
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const firstStar = useRef<HTMLInputElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const length = text.trim().length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = reviewErrors(rating, text);
    setErrors(found);
    setProblem(null);
    if (found.rating) { firstStar.current?.focus(); return; }
    if (found.text) { textBox.current?.focus(); return; }
    setBusy(true);
    try {
      await discovery.saveReview(sku, rating!, text.trim());
      onChanged(mine ? 'Your review is updated.' : 'Thank you: your review is posted.');
    } catch (e) {
      const fields = e instanceof ApiError ? fieldErrors(e) : {};
      setErrors(fields);
      if (!fields.rating && !fields.text) setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      await discovery.deleteReview(sku);
      onChanged('Your review is deleted.');
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const describe = (field: 'rating' | 'text', extra?: string) => [extra, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form className="review-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`}>{mine ? 'Your review' : 'Review this book'}</h3>
      {mine?.hidden && <p className="notice">A moderator has hidden your review: only you can see it.</p>}
      <fieldset className="star-input" aria-describedby={describe('rating')}>
        <legend>Your rating</legend>
        {[1, 2, 3, 4, 5].map((stars) => (
          <span key={stars} className="star-choice">
            <input ref={stars === 1 ? firstStar : undefined} type="radio" id={`${id}-star-${stars}`} name={`${id}-rating`} value={stars}
              checked={rating === stars} onChange={() => setRating(stars)} aria-invalid={errors.rating ? true : undefined} />
            <label htmlFor={`${id}-star-${stars}`} className={rating !== null && stars <= rating ? 'on' : undefined}>
              <span aria-hidden="true">★</span><span className="visually-hidden">{stars} {stars === 1 ? 'star' : 'stars'}</span>
            </label>
          </span>
        ))}
      </fieldset>
      {errors.rating && <p id={`${id}-rating-error`} className="field-error">{errors.rating}</p>}
      <div className="field">
        <label htmlFor={`${id}-text`}>Review text</label>
        <textarea ref={textBox} id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.text ? true : undefined} aria-describedby={describe('text', `${id}-count`)} />
        <p id={`${id}-count`} className={length > reviewTextMax ? 'hint field-error' : 'hint'}>
          {length.toLocaleString('en-US')} of {reviewTextMin}–{reviewTextMax.toLocaleString('en-US')} characters
        </p>
        {errors.text && <p id={`${id}-text-error`} className="field-error">{errors.text}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : mine ? 'Save changes' : 'Post review'}</button>
        {mine && !confirming && <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(true)}>Delete review</button>}
        {mine && confirming && (
          <span role="group" aria-label="Confirm deleting your review">
            Delete your review? <button type="button" disabled={busy} onClick={remove}>Yes, delete</button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep it</button>
          </span>
        )}
      </div>
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </form>
  );
}
