/** What the API client needs from the signed-in session; the AuthProvider connects it, and a guest has none. */
export interface ApiAuth {
  /** The current access token, or null for a guest. */
  accessToken(): Promise<string | null>;
  /** Renews the tokens without a page (refresh token or silent page); the new access token, or null if that failed. */
  renew(): Promise<string | null>;
  /** The session is over on the server's side: send the shopper to sign in again. */
  signInRequired(): void;
}

const guest: ApiAuth = { accessToken: async () => null, renew: async () => null, signInRequired: () => undefined };
let current: ApiAuth = guest;

export function connectApiAuth(auth: ApiAuth): () => void {
  current = auth;
  return () => { if (current === auth) current = guest; };
}

export function apiAuth(): ApiAuth {
  return current;
}
