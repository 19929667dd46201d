import { describe, expect, it, vi } from 'vitest';
import { fakeUser } from '../test/fakeUserManager';
import { userManagerSettings } from './settings';
import { StorefrontUserManager } from './StorefrontUserManager';

const origin = 'http://127.0.0.1:8080';
const metadata = { issuer: origin, authorization_endpoint: `${origin}/connect/authorize`, token_endpoint: `${origin}/connect/token` };

describe('userManagerSettings', () => {
  it('is the storefront client of the provider on this origin, with PKCE code flow, refresh tokens and the API scope', () => {
    const settings = userManagerSettings(origin);
    expect(settings).toMatchObject({
      authority: origin, client_id: 'storefront', response_type: 'code',
      redirect_uri: `${origin}/auth/callback`, silent_redirect_uri: `${origin}/auth/silent`, post_logout_redirect_uri: `${origin}/`,
      automaticSilentRenew: true,
    });
    expect(settings.scope!.split(' ').sort()).toEqual(['email', 'k8shop', 'offline_access', 'openid', 'profile', 'roles']);
  });

  it('keeps the signed-in user and its tokens in memory only: nothing in localStorage or sessionStorage', async () => {
    const manager = new StorefrontUserManager({ ...userManagerSettings(origin), metadata });
    await manager.storeUser(fakeUser({ sub: 'abc' }));

    expect((await manager.getUser())?.profile.sub).toBe('abc');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    manager.stopSilentRenew();
  });
});

describe('StorefrontUserManager.signupRedirect', () => {
  it('opens the provider\'s sign-up page returning to a PKCE authorization request whose state this tab keeps for the callback', async () => {
    const manager = new StorefrontUserManager({ ...userManagerSettings(origin), metadata });
    const navigate = vi.fn();
    manager.navigate = navigate;

    await manager.signupRedirect({ state: { returnUrl: '/checkout' } });

    const target = new URL(navigate.mock.calls[0]![0] as string, origin);
    expect(target.pathname).toBe('/identity/signup');
    const authorize = new URL(target.searchParams.get('returnUrl')!, origin);
    expect(authorize.pathname).toBe('/connect/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'storefront', response_type: 'code', code_challenge_method: 'S256', redirect_uri: `${origin}/auth/callback`,
    });
    const stored = sessionStorage.getItem(`oidc.${authorize.searchParams.get('state')}`);
    expect(JSON.parse(stored!)).toMatchObject({ data: { returnUrl: '/checkout' }, request_type: 'si:r' });
    expect(stored).not.toContain('access_token');
    manager.stopSilentRenew();
  });
});
