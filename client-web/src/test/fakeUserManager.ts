import { User } from 'oidc-client-ts';
import { vi } from 'vitest';
import type { AuthManager } from '../auth/AuthContext';

interface Account { sub: string; name?: string; email?: string; roles?: string[] }

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A signed-in user as oidc-client-ts holds one: the access token is a JWT whose payload carries the roles, as the provider's does. */
export function fakeUser({ sub, name = 'Ana Reader', email = 'ana@example.test', roles = [] }: Account, token = 'a1', state?: unknown): User {
  const accessToken = `${base64url({ alg: 'RS256' })}.${base64url({ sub, name, email, role: roles, aud: 'k8shop-api' })}.${token}`;
  return new User({
    access_token: accessToken, token_type: 'Bearer', scope: 'openid profile email roles offline_access k8shop',
    profile: { sub, name, email, iss: 'http://localhost', aud: 'storefront', exp: 0, iat: 0 },
    expires_at: Math.floor(Date.now() / 1000) + 300, userState: state,
  });
}

type Listener = (user: User) => void;

/**
 * Stands in for oidc-client-ts's UserManager: `session` is who the provider would sign in silently (its cookie),
 * `user` who is signed in on this page; redirects are recorded instead of leaving the page.
 */
export class FakeUserManager implements AuthManager {
  user: User | null = null;
  loaded: Listener[] = [];
  unloaded: (() => void)[] = [];

  constructor(public session: User | null = null, public callbackUser: User | null = null) {}

  getUser = vi.fn(async () => this.user);
  removeUser = vi.fn(async () => { this.user = null; this.unloaded.forEach((l) => l()); });
  signinSilent = vi.fn(async () => {
    if (!this.session) throw new Error('login_required');
    this.user = this.session;
    this.loaded.forEach((l) => l(this.session!));
    return this.session;
  });
  signinRedirect = vi.fn(async (_args?: { state?: unknown }) => undefined);
  signupRedirect = vi.fn(async (_args?: { state?: unknown }) => undefined);
  signoutRedirect = vi.fn(async () => { this.user = null; });
  signinRedirectCallback = vi.fn(async () => {
    if (!this.callbackUser) throw new Error('No matching state found in storage');
    this.user = this.callbackUser;
    return this.callbackUser;
  });

  events = {
    addUserLoaded: (l: Listener) => { this.loaded.push(l); return () => undefined; },
    removeUserLoaded: (l: Listener) => { this.loaded = this.loaded.filter((x) => x !== l); },
    addUserUnloaded: (l: () => void) => { this.unloaded.push(l); return () => undefined; },
    removeUserUnloaded: (l: () => void) => { this.unloaded = this.unloaded.filter((x) => x !== l); },
  } as unknown as AuthManager['events'];
}

/** A provider session for an ordinary shopper, or an admin. */
export const shopper = (sub = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', roles: string[] = []) => new FakeUserManager(fakeUser({ sub, roles }));
