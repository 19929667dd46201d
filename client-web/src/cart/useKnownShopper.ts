import { useCallback, useEffect, useRef } from 'react';

interface Waiter { resolve(shopperId: string): void; reject(error: Error): void }

/**
 * Whose cart a change is for, waiting while the page still finds out (the provider's session on page load, then the
 * guest id from the server), so a shopper who clicks "Add to cart" straight away gets the book rather than an error.
 * Fails with the session's error when no guest id can be had.
 */
export function useKnownShopper(shopperId: string | null, error: Error | null): () => Promise<string> {
  const known = useRef({ shopperId, error });
  const waiting = useRef<Waiter[]>([]);

  useEffect(() => {
    known.current = { shopperId, error };
    if (!shopperId && !error) return;
    const settled = waiting.current;
    waiting.current = [];
    for (const waiter of settled) {
      if (shopperId) waiter.resolve(shopperId);
      else waiter.reject(error!);
    }
  }, [shopperId, error]);

  return useCallback(() => {
    const { shopperId: id, error: failure } = known.current;
    if (id) return Promise.resolve(id);
    if (failure) return Promise.reject(failure);
    return new Promise<string>((resolve, reject) => { waiting.current.push({ resolve, reject }); });
  }, []);
}
