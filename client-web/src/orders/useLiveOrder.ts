import { useEffect, useState } from 'react';
import { api, ApiError, call, type Order } from '../api/client';
import { isFinal, isSettling } from './orderStatus';

/**
 * Follows an order by polling with backoff: quickly while checkout is deciding (0.5 s, growing to 3 s), slowly while it
 * waits for shipping (5 s, growing to 30 s), and not at all once nothing more can happen. A failed poll keeps the last
 * order shown and retries on the same schedule.
 */
export function useLiveOrder(orderId: string, initial?: Order) {
  const [order, setOrder] = useState<Order | undefined>(initial);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 500;
    let lastStatus: string | undefined;

    async function poll() {
      let next: Order | undefined;
      try {
        next = await call(api.GET('/orders/{orderId}', { params: { path: { orderId } } }));
        if (stopped) return;
        // A new status starts its phase's schedule again.
        if (next.status !== lastStatus) delay = isSettling(next.status) ? 500 : 5000;
        lastStatus = next.status;
        setOrder(next);
        setError(null);
      } catch (e) {
        if (stopped) return;
        // Not found stays not found (it is also what another shopper's order answers): stop asking.
        if (e instanceof ApiError && e.status === 404) {
          setError(new ApiError('We could not find this order in your account.', 404));
          return;
        }
        setError(e as Error);
      }
      if (next && isFinal(next.status)) return;
      const settling = next ? isSettling(next.status) : true;
      timer = setTimeout(poll, delay);
      delay = Math.min(delay * 1.5, settling ? 3000 : 30000);
    }

    void poll();
    return () => { stopped = true; clearTimeout(timer); };
  }, [orderId]);

  return { order, error };
}
