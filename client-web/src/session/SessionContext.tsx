import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import { readAdminKey, readGuestId, readUser, writeAdminKey, writeUser } from './storage';

interface Session {
  /** Whose cart and orders the shop shows: the signed-in user, else the guest's anonymous id. */
  shopperId: string;
  user: string | null;
  guestId: string;
  /** Signs in by name and moves the guest cart into the user's (quantities add). */
  signIn(name: string): Promise<void>;
  signOut(): void;
  adminKey: string | null;
  setAdminKey(key: string | null): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [guestId] = useState(readGuestId);
  const [user, setUser] = useState(readUser);
  const [adminKey, setAdminKeyState] = useState(readAdminKey);

  const signIn = useCallback(async (name: string) => {
    await call(api.POST('/cart/{userId}/merge', { params: { path: { userId: name } }, body: { guestId } }));
    writeUser(name);
    setUser(name);
  }, [guestId]);

  const signOut = useCallback(() => {
    writeUser(null);
    setUser(null);
  }, []);

  const setAdminKey = useCallback((key: string | null) => {
    writeAdminKey(key);
    setAdminKeyState(key);
  }, []);

  const value = useMemo<Session>(() => ({
    shopperId: user ?? guestId, user, guestId, signIn, signOut, adminKey, setAdminKey,
  }), [user, guestId, signIn, signOut, adminKey, setAdminKey]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
