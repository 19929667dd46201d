import type { RatingSummary as Summary } from '../api/discovery';
import { Stars } from './Stars';

/** The average, the number of ratings and how they spread over one to five stars. */
export function RatingSummary({ summary }: { summary: Summary }) {
  if (summary.count === 0) return <p className="rating-none">No ratings yet.</p>;
  return (
    <div className="rating-summary">
      <p className="rating-average"><span className="rating-number">{summary.average.toFixed(1)}</span> <Stars average={summary.average} />
        {' '}<span>{summary.count === 1 ? '1 rating' : `${summary.count} ratings`}</span></p>
      <ul className="rating-bars" aria-label="Ratings by stars">
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = summary.stars[stars - 1] ?? 0;
          const share = Math.round((count / summary.count) * 100);
          return (
            <li key={stars}>
              <span className="bar-label">{stars} {stars === 1 ? 'star' : 'stars'}</span>
              <span className="bar-track" aria-hidden="true"><span className="bar-fill" style={{ width: `${share}%` }} /></span>
              <span className="bar-count">{count} ({share}%)</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
