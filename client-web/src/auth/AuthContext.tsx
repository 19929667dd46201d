import type { User } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { toAccountUser, type AccountUser } from './accountUser';
import { connectApiAuth } from './apiAuth';
import { callbackPath } from './settings';
import { storefrontUserManager, type StorefrontUserManager } from './StorefrontUserManager';

/** The part of the UserManager the storefront uses; tests give the provider a fake of it. */
export type AuthManager = Pick<StorefrontUserManager,
  'getUser' | 'signinSilent' | 'signinRedirect' | 'signinRedirectCallback' | 'signupRedirect' | 'signoutRedirect' | 'removeUser'> & {
  events: Pick<StorefrontUserManager['events'], 'addUserLoaded' | 'removeUserLoaded' | 'addUserUnloaded' | 'removeUserUnloaded'>;
};

interface Auth {
  /** `loading` until the page knows whether someone is signed in (a returning sign-in or the provider's session). */
  status: 'loading' | 'ready';
  user: AccountUser | null;
  /** Why the last sign-in could not be completed, if it could not. */
  error: Error | null;
  /** Sends the shopper to the provider's sign-in page; they come back to `returnUrl` (default: this page). */
  signIn(returnUrl?: string): Promise<void>;
  /** As signIn, but opens the provider's sign-up page first. */
  signUp(returnUrl?: string): Promise<void>;
  signOut(): Promise<void>;
  /** The current access token, renewed first if it has expired; null for a guest. */
  getAccessToken(): Promise<string | null>;
}

interface Props {
  children: ReactNode;
  manager?: AuthManager;
  /** Runs after a sign-in completes, before the page it returns to shows (the guest cart merges here). */
  onSignedIn?(user: AccountUser): Promise<void>;
}

interface ReturnState { returnUrl?: string }

const AuthContext = createContext<Auth | null>(null);

/** Where to come back to after signing in: this page, unless it is a sign-in page itself. */
function comeBackTo({ pathname, search, hash }: { pathname: string; search: string; hash: string }): string {
  return pathname.startsWith('/auth/') || pathname === '/signin' ? '/' : pathname + search + hash;
}

/** Only paths on this site, so a crafted state cannot send the shopper elsewhere after signing in. */
function localPath(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

async function silentSignIn(manager: AuthManager): Promise<User | null> {
  try {
    return await manager.signinSilent();
  } catch {
    // No session at the provider (login_required), or no provider answering: the shopper is a guest.
    return null;
  }
}

/** The signed-in shopper, from oidc-client-ts; tokens stay in memory, so each page load asks the provider's session again. */
export function AuthProvider({ children, manager: given, onSignedIn }: Props) {
  const manager = useMemo(() => given ?? storefrontUserManager(), [given]);
  const navigate = useNavigate();
  const location = useLocation();
  const here = comeBackTo(location);
  const landedOn = useRef(location.pathname);
  const [status, setStatus] = useState<Auth['status']>('loading');
  const [user, setUser] = useState<AccountUser | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const started = useRef<AuthManager | null>(null);

  const signIn = useCallback((returnUrl = here) =>
    manager.signinRedirect({ state: { returnUrl } satisfies ReturnState }), [manager, here]);
  const signUp = useCallback((returnUrl = here) =>
    manager.signupRedirect({ state: { returnUrl } satisfies ReturnState }), [manager, here]);
  const signOut = useCallback(() => manager.signoutRedirect(), [manager]);

  const renew = useCallback(async () => {
    const renewed = await silentSignIn(manager);
    if (!renewed) await manager.removeUser();
    return renewed?.access_token ?? null;
  }, [manager]);

  const getAccessToken = useCallback(async () => {
    const current = await manager.getUser();
    if (!current) return null;
    return current.expired ? renew() : current.access_token;
  }, [manager, renew]);

  // Pages call the API from their own effects, which React runs before this provider's: the API client's session is
  // connected once per manager, in a layout effect, so it never lapses to a guest's while the shopper changes page.
  const latestSignIn = useRef(signIn);
  useLayoutEffect(() => { latestSignIn.current = signIn; }, [signIn]);
  useLayoutEffect(() => connectApiAuth({ accessToken: getAccessToken, renew, signInRequired: () => void latestSignIn.current() }),
    [getAccessToken, renew]);

  useEffect(() => {
    const loaded = (u: User) => setUser(toAccountUser(u));
    const unloaded = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
    };
  }, [manager]);

  useEffect(() => {
    // Once per manager: React's development double effects must not complete the same sign-in twice.
    if (started.current === manager) return;
    started.current = manager;
    void (async () => {
      if (landedOn.current === callbackPath) {
        try {
          const signedIn = await manager.signinRedirectCallback();
          const account = toAccountUser(signedIn);
          await onSignedIn?.(account);
          setUser(account);
          setStatus('ready');
          navigate(localPath((signedIn.state as ReturnState | undefined)?.returnUrl), { replace: true });
        } catch (e) {
          setError(e instanceof Error ? e : new Error(String(e)));
          setStatus('ready');
        }
        return;
      }
      const known = (await manager.getUser()) ?? (await silentSignIn(manager));
      setUser(known ? toAccountUser(known) : null);
      setStatus('ready');
    })();
  }, [manager, navigate, onSignedIn]);

  const value = useMemo<Auth>(() => ({ status, user, error, signIn, signUp, signOut, getAccessToken }),
    [status, user, error, signIn, signUp, signOut, getAccessToken]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider');
  return auth;
}
