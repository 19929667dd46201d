import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: Error; data?: T }
  | { status: 'ready'; data: T };

/** Runs a load when its dependencies change; the latest run wins, and `reload` runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const run = useRef(0);

  // The caller's dependencies decide when to load again, as with useEffect.
  const start = useCallback(load, deps);

  const reload = useCallback(() => {
    const id = ++run.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    start().then(
      (data) => { if (id === run.current) setState({ status: 'ready', data }); },
      (error: unknown) => {
        if (id === run.current) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  }, [start]);

  useEffect(() => {
    reload();
    return () => { run.current++; };
  }, [reload]);

  return { ...state, reload };
}
