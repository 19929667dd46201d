import { api, call } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { useAsync } from '../ui/useAsync';
import { CoverList } from './CoverList';

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
      <CoverList books={recs.data.recommendations} />
    </section>
  );
}
