import { InMemoryWebStorage, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

export const callbackPath = '/auth/callback';
export const silentPath = '/auth/silent';

/**
 * The storefront as the `storefront` client of the shop's own OpenID Connect provider (same origin as the API):
 * authorization code with PKCE, tokens in memory only, renewed before they expire (refresh token, else the silent
 * page). Only the short-lived sign-in request (state and PKCE verifier, never a token) survives the redirect, in this
 * tab's sessionStorage.
 */
export function userManagerSettings(origin: string): UserManagerSettings {
  return {
    authority: origin,
    client_id: 'storefront',
    response_type: 'code',
    scope: 'openid profile email roles offline_access k8shop',
    redirect_uri: `${origin}${callbackPath}`,
    silent_redirect_uri: `${origin}${silentPath}`,
    post_logout_redirect_uri: `${origin}/`,
    automaticSilentRenew: true,
    silentRequestTimeoutInSeconds: 8,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  };
}
