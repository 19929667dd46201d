import type { User } from 'oidc-client-ts';

/** Who is signed in, as the tokens say: `sub` is the user id the API paths carry. */
export interface AccountUser {
  sub: string;
  name: string;
  email: string | null;
  roles: string[];
}

type Claims = Record<string, unknown>;

/** The access token's claims: a signed, unencrypted JWT; only read for display and gating, the gateway checks it. */
export function accessTokenClaims(token: string): Claims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

export function toAccountUser(user: User): AccountUser {
  const profile = user.profile as Claims;
  const access = accessTokenClaims(user.access_token);
  const email = text(profile.email) ?? text(access.email) ?? null;
  return {
    sub: text(profile.sub) ?? text(access.sub) ?? '',
    name: text(profile.name) ?? text(access.name) ?? text(profile.preferred_username) ?? email ?? 'your account',
    email,
    roles: [...new Set([...list(profile.role), ...list(access.role)])],
  };
}

export const isAdmin = (user: AccountUser | null) => user?.roles.includes('admin') ?? false;
