import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AccountUser } from '../auth/accountUser';
import { useAuth } from '../auth/AuthContext';
import { requestGuestId } from './guestId';

interface Session {
  /** Whose cart the shop shows: the signed-in account (`sub`), else the guest id the server issued; null until known. */
  shopperId: string | null;
  user: AccountUser | null;
  /** Why no guest id could be had, if it could not. */
  error: Error | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const [guestId, setGuestId] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const isGuest = status === 'ready' && !user;

  useEffect(() => {
    if (!isGuest || guestId) return;
    let current = true;
    requestGuestId().then(
      (id) => { if (current) { setGuestId(id); setError(null); } },
      (e: unknown) => { if (current) setError(e instanceof Error ? e : new Error(String(e))); },
    );
    return () => { current = false; };
  }, [isGuest, guestId]);

  const shopperId = status === 'loading' ? null : user ? user.sub : guestId;
  const value = useMemo<Session>(() => ({ shopperId, user, error }), [shopperId, user, error]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
