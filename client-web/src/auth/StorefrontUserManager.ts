import { UserManager } from 'oidc-client-ts';
import { userManagerSettings } from './settings';

export const signUpPath = '/identity/signup';

/** oidc-client-ts's UserManager, plus sign-up: the provider's sign-up page, which continues the same authorization request. */
export class StorefrontUserManager extends UserManager {
  /** Prepares a sign-in request as signinRedirect does, but opens the provider's sign-up page with it as the return URL. */
  async signupRedirect({ state }: { state?: unknown } = {}): Promise<void> {
    const request = await this._client.createSigninRequest({ request_type: 'si:r', state });
    const authorize = new URL(request.url);
    this.navigate(`${signUpPath}?returnUrl=${encodeURIComponent(authorize.pathname + authorize.search)}`);
  }

  /** Leaves the page for the provider's; a field so tests can watch where it would go. */
  navigate = (url: string) => window.location.assign(url);
}

let shared: StorefrontUserManager | undefined;

/** The page's one UserManager, made on first use (tests pass their own to the AuthProvider instead). */
export function storefrontUserManager(): StorefrontUserManager {
  shared ??= new StorefrontUserManager(userManagerSettings(window.location.origin));
  return shared;
}
