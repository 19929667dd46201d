/** An average rating as five stars, read out as words ("Rated 4.3 out of 5"). */
export function Stars({ average, count }: { average: number; count?: number }) {
  const filled = Math.max(0, Math.min(5, Math.round(average)));
  const label = `Rated ${average.toFixed(1)} out of 5${count === undefined ? '' : ` from ${count} ${count === 1 ? 'review' : 'reviews'}`}`;
  return (
    <span className="stars" role="img" aria-label={label} title={label}>
      {'★'.repeat(filled)}<span className="stars-off">{'★'.repeat(5 - filled)}</span>
      {count !== undefined && <span className="stars-count"> ({count})</span>}
    </span>
  );
}
