import { Link } from 'react-router-dom';
import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { money } from '../ui/money';
import { useAsync } from '../ui/useAsync';

interface Props {
  title: string;
  strategy: 'popular' | 'related' | 'personalized';
  productId?: string;
  limit?: number;
}

/** Books the recommendation service suggests; it answers titles, prices and covers, so no other call is needed. */
export function Recommendations({ title, strategy, productId, limit = 6 }: Props) {
  // Personal suggestions are for the signed-in account only; a guest gets the shop-wide ones.
  const userId = useAuth().user?.sub;
  const recs = useAsync(() => call(api.GET('/recommendations', {
    params: { query: { strategy, productId, userId, limit: String(limit) } },
  })), [strategy, productId, userId, limit]);

  // Suggestions are extra: while they load or if they fail, the section stays out of the way.
  if (recs.status !== 'ready' || recs.data.recommendations.length === 0) return null;
  return (
    <section className="recommendations" aria-labelledby={`recs-${strategy}`}>
      <h2 id={`recs-${strategy}`}>{title}</h2>
      <ul className="rec-list">
        {recs.data.recommendations.map((r) => (
          <li key={r.id}>
            <Link to={`/books/${encodeURIComponent(r.sku)}`}>
              <img src={r.coverUrl} alt="" width={96} height={144} loading="lazy" />
              <span className="rec-title">{r.title}</span>
            </Link>
            <span className="price">{money(r.price)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
